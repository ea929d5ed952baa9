package io.diffusim.actors.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffusim.actors.testing.ChildJvm;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An owner killed with SIGKILL in the middle of rewriting its run records and checkpoints, again and again:
 * every run and a whole checkpoint of it are still there after each recovery.
 */
class KilledWriterTest {

    private static final long SEED = 20_261_130L;
    private static final int KILLS = 8;

    @TempDir
    Path dir;

    private Process child;

    @AfterEach
    void killChild() {
        if (child != null) {
            child.destroyForcibly();
        }
    }

    @Test
    void shouldKeepEveryRunThroughKillsInTheMiddleOfItsWrites() throws Exception {
        Random random = new Random(SEED);
        Path dataDir = dir.resolve("data");
        int lastStep = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            startChild(dataDir);
            Thread.sleep(20 + random.nextInt(200));
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            try (ChronicleRunStore store = ChronicleRunStore.open(dataDir, StoreFixtures.SMALL)) {
                List<RunRecord> runs = store.runs();
                assertThat(runs).as("kill %d (seed %d)", kill, SEED).extracting(RunRecord::id)
                        .containsExactly("r0", "r1", "r2", "r3");
                for (RunRecord run : runs) {
                    Checkpoint checkpoint = store.checkpoint(run.id(), 0).orElseThrow();
                    // the checkpoint of a run's step is written after its record: at most one step behind it
                    assertThat(checkpoint.step()).as(run.id()).isBetween(run.step() - 1, run.step());
                    StoreFixtures.assertSameBits(checkpoint, StoreFixtures.checkpoint(checkpoint.step(), 8));
                }
                lastStep = runs.stream().mapToInt(RunRecord::step).max().orElseThrow();
            }
        }
        assertThat(lastStep).isPositive();
    }

    private void startChild(Path dataDir) throws Exception {
        child = new ProcessBuilder(ChildJvm.command(List.of("-Xmx256m"), StoreWriterProcess.class, dataDir.toString()))
                .redirectError(dir.resolve("child.err").toFile()).start();
        assertThat(ChildJvm.awaitLine(child, "READY ", 60)).startsWith("READY ");
    }
}
