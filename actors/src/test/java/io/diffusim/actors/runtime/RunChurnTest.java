package io.diffusim.actors.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffusim.actors.store.ChronicleRunStore;
import io.diffusim.actors.store.StoreSizing;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue defect 7: 30 runs through a daemon on the Chronicle store, in waves of three, leave the process's memory,
 * threads and file descriptors where three warm-up runs left them. Tolerances: threads +2 and descriptors +4 (a pool
 * thread or a log file may be between uses); anonymous memory outside the Java heap (ND4J's arrays, native
 * allocations) +24 MiB and the heap in use after a collection +24 MiB (the ended runs' statuses stay listed); resident
 * memory as a whole +96 MiB, because the JVM may commit more heap as it pleases and the store's mapped pages count in
 * it (measured: +45 MiB of which +40 MiB committed heap, off-heap +5 MiB).
 */
class RunChurnTest {

    private static final int RUNS = 30;
    private static final int WAVE = 3;
    private static final long MIB = 1L << 20;

    @TempDir
    Path dir;

    @Test
    void shouldGiveBackMemoryThreadsAndDescriptorsAfterThirtyRuns() throws Exception {
        Path dataDir = dir.resolve("data");
        try (ChronicleRunStore store = ChronicleRunStore.open(dataDir, new StoreSizing(200, 64 * MIB, 100_000));
                DaemonFixture daemon = DaemonFixture.start(store, dataDir, 8)) {
            waves(daemon, 0, WAVE);
            ProcessResources before = settled();
            waves(daemon, WAVE, RUNS);
            ProcessResources after = settled();
            System.out.printf("%d runs: rss %d -> %d MiB, anonymous %d -> %d MiB (off the heap %d -> %d MiB), heap used"
                    + " %d -> %d MiB, threads %d -> %d, fds %d -> %d%n", RUNS, before.rssBytes() / MIB,
                    after.rssBytes() / MIB, before.anonymousBytes() / MIB, after.anonymousBytes() / MIB,
                    before.offHeapBytes() / MIB, after.offHeapBytes() / MIB, before.heapUsedBytes() / MIB,
                    after.heapUsedBytes() / MIB, before.threads(), after.threads(), before.fileDescriptors(),
                    after.fileDescriptors());
            assertThat(after.threads()).isLessThanOrEqualTo(before.threads() + 2);
            assertThat(after.fileDescriptors()).isLessThanOrEqualTo(before.fileDescriptors() + 4);
            assertThat(after.offHeapBytes()).isLessThanOrEqualTo(before.offHeapBytes() + 24 * MIB);
            assertThat(after.heapUsedBytes()).isLessThanOrEqualTo(before.heapUsedBytes() + 24 * MIB);
            assertThat(after.rssBytes()).isLessThanOrEqualTo(before.rssBytes() + 96 * MIB);
        }
    }

    private static void waves(DaemonFixture daemon, int from, int to) {
        for (int wave = from; wave < to; wave += WAVE) {
            List<String> ids = new ArrayList<>();
            for (int i = wave; i < Math.min(to, wave + WAVE); i++) {
                ids.add(daemon.submit(RunSpecs.moons(i).replace("name = \"moons-ddpm\"", "name = \"churn-" + i + "\"")));
            }
            ids.forEach(id -> assertThat(daemon.awaitEnd(id).state()).isEqualTo("done"));
        }
    }

    /** A sample once the collector has run and the pools had a moment to retire idle threads. */
    private static ProcessResources settled() throws InterruptedException {
        System.gc();
        Thread.sleep(2_000);
        return ProcessResources.sample();
    }
}
