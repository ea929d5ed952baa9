package io.diffusim.actors.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffusim.actors.protocol.FrontDoorCommand.Action;
import io.diffusim.actors.store.InMemoryRunStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stop} frees a run's memory (issue: off-heap bytes return to within 10% of before): the bytes in use on
 * the native heap, where ND4J's arrays live, measured before a large run, while it runs, and after it was stopped
 * and its arrays collected.
 */
class StopFreesMemoryTest {

    private static final double TOLERANCE = 0.10;
    private static final long MIB = 1 << 20;

    /** Large enough that its particles, training set and evaluation buffers take tens of MiB off the heap. */
    private static final String LARGE = """
            run {
              name = "large"
              seed = 5
              particles = 40000
              batch-size = 8000
              data { kind = moons, n = 4000 }
              process { kind = vp, timesteps = 1000 }
              model { kind = empirical }
              sampler { kind = ddpm }
              analyses = [ { kind = nearest-neighbour } ]
              record-every = 100
              checkpoint-every = 1000
            }
            """;

    @TempDir
    Path dir;

    @Test
    void shouldReturnOffHeapBytesToWithinTenPercentOfBeforeTheRun() throws InterruptedException {
        try (DaemonFixture daemon = DaemonFixture.start(new InMemoryRunStore(), dir, 2)) {
            // a first run loads ND4J's native libraries and its per-thread buffers, which stay for the process
            daemon.awaitEnd(daemon.submit(RunSpecs.MOONS_DDPM.formatted(1)));
            long before = settledOffHeapBytes();

            String id = daemon.submit(LARGE);
            daemon.await(id, status -> status.step() >= 2);
            long during = NativeHeap.bytesInUse();
            assertThat(daemon.control(id, Action.STOP).state()).isEqualTo("stopped");
            long after = settledOffHeapBytes();

            System.out.printf("native heap bytes in use: before %d MiB, during %d MiB, after stop %d MiB%n",
                    before / MIB, during / MIB, after / MIB);
            assertThat(during - before).as("the run held memory off the heap").isGreaterThan(16 * MIB);
            assertThat((double) after).isLessThanOrEqualTo(before * (1 + TOLERANCE));
        }
    }

    /** ND4J frees an array's native memory once the GC has found it unreachable: collect until that settles. */
    private static long settledOffHeapBytes() throws InterruptedException {
        long last = Long.MAX_VALUE;
        for (int round = 0; round < 20; round++) {
            System.gc();
            Thread.sleep(250);
            long now = NativeHeap.bytesInUse();
            if (now == last) {
                return now;
            }
            last = now;
        }
        return last;
    }
}
