package io.diffusim.actors.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffusim.actors.testing.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
        List<String> command = ChildJvm.command(List.of("-Xmx1g"), StopFreesMemoryProcess.class,
                dir.resolve("data").toString());
        Path out = dir.resolve("child.out");
        Process child = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(dir.resolve("child.err").toFile()).start();
        if (!child.waitFor(180, TimeUnit.SECONDS)) {
            child.destroyForcibly();
        }
        String err = Files.readString(dir.resolve("child.err"));
        String measured = Files.readAllLines(out).stream().filter(l -> l.startsWith("MEASURED ")).findFirst()
                .orElseThrow(() -> new AssertionError("no measurement: " + err));
        String[] bytes = measured.split(" ");
        long before = Long.parseLong(bytes[1]);
        long during = Long.parseLong(bytes[2]);
        long after = Long.parseLong(bytes[3]);
        System.out.printf("native heap bytes in use: before %d MiB, during %d MiB, after stop %d MiB%n",
                before / MIB, during / MIB, after / MIB);
        // the particles of 25 batches and their latest arrays: some 11 MiB since the sampler steps them on the host
        assertThat(during - before).as("the run held memory off the heap").isGreaterThan(6 * MIB);
        assertThat((double) after).isLessThanOrEqualTo(before * (1 + TOLERANCE));
    }
}
