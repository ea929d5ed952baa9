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
        List<String> command = ChildJvm.command(List.of("-Xmx1g"), ConsecutiveRunsMemoryProcess.class,
                dir.resolve("data").toString());
        Path out = dir.resolve("child.out");
        Process child = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(dir.resolve("child.err").toFile()).start();
        if (!child.waitFor(300, TimeUnit.SECONDS)) {
            child.destroyForcibly();
        }
        String err = Files.readString(dir.resolve("child.err"));
        List<String> lines = Files.readAllLines(out);
        lines.forEach(System.out::println);
        String measured = lines.stream().filter(l -> l.startsWith("MEASURED ")).findFirst()
                .orElseThrow(() -> new AssertionError("no measurement: " + err));
        String[] bytes = measured.split(" ");
        long first = Long.parseLong(bytes[1]);
        long last = Long.parseLong(bytes[2]);
        System.out.printf("native heap bytes in use: after the first runs %d MiB, after %d runs %d MiB%n",
                first / MIB, ConsecutiveRunsMemoryProcess.RUNS, last / MIB);
        assertThat(first).as("ND4J and the daemon hold native memory").isGreaterThan(MIB);
        assertThat((double) last).isLessThanOrEqualTo(first * (1 + TOLERANCE));
    }
}
