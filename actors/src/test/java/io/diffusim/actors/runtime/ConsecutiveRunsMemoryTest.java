package io.diffusim.actors.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Consecutive runs in one daemon hold no native memory once they are over (issue: 20 runs leave the native heap within
 * 10% of the first run's level): {@link ConsecutiveRunsMemoryProcess} measures in a JVM of its own the native heap in
 * use, where ND4J's arrays live, after the first runs and after the twentieth.
 */
class ConsecutiveRunsMemoryTest {

    private static final double TOLERANCE = 0.10;
    private static final long MIB = 1 << 20;

    @TempDir
    Path dir;

    @Test
    void shouldLeaveTheNativeHeapWithinTenPercentOfTheFirstRunsLevelAfterTwentyRuns() throws Exception {
        long[] bytes = MeasuredChild.run(dir, ConsecutiveRunsMemoryProcess.class, 300);
        long first = bytes[0];
        long last = bytes[1];
        System.out.printf("native heap bytes in use: after the first runs %d MiB, after %d runs %d MiB%n",
                first / MIB, ConsecutiveRunsMemoryProcess.RUNS, last / MIB);
        assertThat(first).as("ND4J and the daemon hold native memory").isGreaterThan(MIB);
        assertThat((double) last).isLessThanOrEqualTo(first * (1 + TOLERANCE));
    }
}
