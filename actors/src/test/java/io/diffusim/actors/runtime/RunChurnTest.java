package io.diffusim.actors.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffusim.actors.store.ChronicleRunStore;
import io.diffusim.actors.store.StoreSizing;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue defect 7: 30 runs through a daemon on the Chronicle store, in waves of three, leave the process's memory,
 * threads and file descriptors where nine warm-up runs left them (after three, the allocator's arenas and the code
 * cache were still filling: 4 rounds of 9 runs grew anonymous memory by 4, 3, then 2 MiB). Tolerances: threads +2 and
 * descriptors +4 (a pool thread or a log file may be between uses); anonymous memory outside the Java heap and the
 * JIT's code cache (ND4J's arrays, native allocations) +32 MiB and the heap in use after a collection +24 MiB (the
 * ended runs' statuses stay listed); resident memory as a whole +96 MiB, because the JVM may commit more heap as it
 * pleases and the store's mapped pages count in it. Why 32 MiB off the heap: 81 runs in rounds of 9 showed that floor
 * flat (209, 202, 206, 211, 207, 207, 211, 207, 210 MiB), yet two samples of it here read +5 and +21 MiB, as malloc
 * arenas keep or give back freed blocks; a leak of 1.5 MiB a run still fails. The soak bench measures the slope finely.
 */
class RunChurnTest {

    private static final int RUNS = 30;
    private static final int WAVE = 3;
    private static final int WARM_UP = 9;
    private static final long MIB = 1L << 20;

    @TempDir
    Path dir;

    @Test
    void shouldGiveBackMemoryThreadsAndDescriptorsAfterThirtyRuns() throws Exception {
        Path dataDir = dir.resolve("data");
        try (ChronicleRunStore store = ChronicleRunStore.open(dataDir, new StoreSizing(200, 64 * MIB, 100_000));
                DaemonFixture daemon = DaemonFixture.start(store, dataDir, 8)) {
            waves(daemon, 0, WARM_UP);
            ProcessResources before = settled();
            waves(daemon, WARM_UP, RUNS);
            ProcessResources after = settled();
            System.out.printf("%d runs: rss %d -> %d MiB, anonymous %d -> %d MiB (off the heap %d -> %d MiB), heap used"
                    + " %d -> %d MiB, threads %d -> %d, fds %d -> %d%n", RUNS, before.rssBytes() / MIB,
                    after.rssBytes() / MIB, before.anonymousBytes() / MIB, after.anonymousBytes() / MIB,
                    before.offHeapBytes() / MIB, after.offHeapBytes() / MIB, before.heapUsedBytes() / MIB,
                    after.heapUsedBytes() / MIB, before.threads(), after.threads(), before.fileDescriptors(),
                    after.fileDescriptors());
            assertThat(after.threads()).isLessThanOrEqualTo(before.threads() + 2);
            assertThat(after.fileDescriptors()).isLessThanOrEqualTo(before.fileDescriptors() + 4);
            assertThat(after.offHeapBytes()).isLessThanOrEqualTo(before.offHeapBytes() + 32 * MIB);
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

    /**
     * The floor of five samples a second apart, once the collector has run and the pools had a moment to retire idle
     * threads: each figure is its least over the five, since one sample may catch a collection or a thread's malloc
     * arena half way (measured: the heap's resident pages moved by 35 MiB between two samples of an idle process).
     * With -XX:+ExplicitGCInvokesConcurrent a System.gc() only starts a concurrent cycle, and G1 takes old garbage back
     * in the mixed collections of the young collections after it, which an idle process never has: so each round
     * allocates short-lived garbage after the cycle (measured once without this: 139 MiB "in use", against 72 MiB).
     */
    private static ProcessResources settled() throws InterruptedException {
        List<ProcessResources> samples = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(500);
            youngCollections();
            Thread.sleep(500);
            samples.add(ProcessResources.sample());
        }
        return new ProcessResources(least(samples, ProcessResources::rssBytes),
                least(samples, ProcessResources::anonymousBytes), least(samples, ProcessResources::offHeapBytes),
                least(samples, ProcessResources::heapUsedBytes), (int) least(samples, ProcessResources::threads),
                (int) least(samples, ProcessResources::fileDescriptors));
    }

    private static long least(List<ProcessResources> samples, ToLongFunction<ProcessResources> figure) {
        return samples.stream().mapToLong(figure).min().orElseThrow();
    }

    /** About 256 MiB of arrays that die at once: several young (and, after a marking cycle, mixed) collections. */
    private static void youngCollections() {
        long sum = 0;
        for (int i = 0; i < 4096; i++) {
            byte[] garbage = new byte[64 << 10];
            sum += garbage.length;
        }
        assertThat(sum).isPositive();
    }
}
