package io.diffusim.actors.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stop} frees a run's memory (issue: off-heap bytes return to within 10% of before): the bytes in use on the
 * native heap, where ND4J's arrays live, measured by {@link StopFreesMemoryProcess} in a JVM of its own before a
 * large run, while it runs, and after it was stopped and its arrays collected.
 */
class StopFreesMemoryTest {

    private static final double TOLERANCE = 0.10;
    private static final long MIB = 1 << 20;

    @TempDir
    Path dir;

    @Test
    void shouldReturnOffHeapBytesToWithinTenPercentOfBeforeTheRun() throws Exception {
        long[] bytes = MeasuredChild.run(dir, StopFreesMemoryProcess.class, 180);
        long before = bytes[0];
        long during = bytes[1];
        long after = bytes[2];
        System.out.printf("native heap bytes in use: before %d MiB, during %d MiB, after stop %d MiB%n",
                before / MIB, during / MIB, after / MIB);
        // the particles of 25 batches and their latest arrays: some 11 MiB since the sampler steps them on the host
        assertThat(during - before).as("the run held memory off the heap").isGreaterThan(6 * MIB);
        assertThat((double) after).isLessThanOrEqualTo(before * (1 + TOLERANCE));
    }
}
