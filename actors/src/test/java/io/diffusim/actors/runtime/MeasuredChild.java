package io.diffusim.actors.runtime;

import io.diffusim.actors.testing.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A measuring main class run in a JVM of its own (-Xmx1g, a data directory under {@code dir} as its argument), so
 * that nothing else in the process allocates native memory while it measures; it prints one line
 * {@code MEASURED v1 v2 ...}, whose values this returns. The child's other output goes to this test's stdout.
 */
final class MeasuredChild {

    private MeasuredChild() {
    }

    static long[] run(Path dir, Class<?> main, int timeoutSeconds) throws Exception {
        List<String> command = ChildJvm.command(List.of("-Xmx1g"), main, dir.resolve("data").toString());
        Path out = dir.resolve("child.out");
        Process child = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(dir.resolve("child.err").toFile()).start();
        if (!child.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            child.destroyForcibly();
        }
        String err = Files.readString(dir.resolve("child.err"));
        List<String> lines = Files.readAllLines(out);
        lines.stream().filter(l -> !l.startsWith("MEASURED ")).forEach(System.out::println);
        String measured = lines.stream().filter(l -> l.startsWith("MEASURED ")).findFirst()
                .orElseThrow(() -> new AssertionError("no measurement: " + err));
        return Arrays.stream(measured.substring("MEASURED ".length()).split(" ")).mapToLong(Long::parseLong).toArray();
    }
}
