package io.diffusim.actors.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
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
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        command.add(StoreWriterProcess.class.getName());
        command.add(dataDir.toString());
        child = new ProcessBuilder(command).redirectError(dir.resolve("child.err").toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String ready = CompletableFuture.supplyAsync(() -> readyLine(out)).get(60, TimeUnit.SECONDS);
        assertThat(ready).startsWith("READY ");
    }

    private static String readyLine(BufferedReader out) {
        try {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("READY ")) {
                    return line;
                }
            }
            return "(exited without READY)";
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
