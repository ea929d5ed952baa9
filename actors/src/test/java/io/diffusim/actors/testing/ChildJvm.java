package io.diffusim.actors.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A test's child process: a main class of the test class path in a JVM started with this JVM's flags. */
public final class ChildJvm {

    private ChildJvm() {
    }

    /** The command line: this JVM's java and input arguments, {@code jvmArgs}, the test class path, main and args. */
    public static List<String> command(List<String> jvmArgs, Class<?> main, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        command.add(main.getName());
        command.addAll(List.of(args));
        return command;
    }

    /** The first line of the child's stdout that starts with {@code prefix}, or what happened instead. */
    public static String awaitLine(Process child, String prefix, long timeoutSeconds) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        return CompletableFuture.supplyAsync(() -> line(out, prefix)).get(timeoutSeconds, TimeUnit.SECONDS);
    }

    private static String line(BufferedReader out, String prefix) {
        try {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
            return "(exited without " + prefix.strip() + ")";
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
