package io.diffusim.actors.cli;

import io.diffusim.actors.store.StoreSizing;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code diffusim daemon} as a separate JVM, started the way bin/diffusim starts it: this JVM's java and class
 * path, and the JVM flags of the filtered resource {@code diffusim-jvm.flags}. Output goes to files next to the
 * data directory.
 */
final class DaemonJvm implements AutoCloseable {

    /** Small store files for small test runs: they open faster than the laptop-sized defaults. */
    static final StoreSizing STORE_SIZING = new StoreSizing(100, 16L << 20, 100_000);

    private static final Duration START = Duration.ofSeconds(60);

    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private DaemonJvm(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** Starts a daemon on {@code dataDir} and returns once it printed where it listens. */
    static DaemonJvm start(Path dataDir, String name) throws IOException, InterruptedException {
        return start(name, dataDir.resolveSibling(name + ".out"), dataDir.resolveSibling(name + ".err"),
                mainClassAnd("daemon", "--data-dir", dataDir.toString(), "--port", "0", "--http-port", "0"));
    }

    /** Runs one CLI command in its own JVM and waits for it (to see exactly what a user's terminal would). */
    static Cli runCli(Path workDir, String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile(workDir, "cli", ".out");
        Path err = Files.createTempFile(workDir, "cli", ".err");
        Process process = builder(mainClassAnd(args)).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(START.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("diffusim " + String.join(" ", args) + " did not finish within " + START);
        }
        return new Cli(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static DaemonJvm start(String name, Path stdout, Path stderr, List<String> command)
            throws IOException, InterruptedException {
        Process process = builder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        DaemonJvm daemon = new DaemonJvm(process, stdout, stderr);
        long deadlineNs = System.nanoTime() + START.toNanos();
        while (!Files.readString(stdout).contains("diffusim daemon on ")) {
            if (!process.isAlive() || System.nanoTime() > deadlineNs) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException(name + " did not start: " + daemon.output());
            }
            Thread.sleep(50);
        }
        return daemon;
    }

    private static ProcessBuilder builder(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("OMP_NUM_THREADS", "1");
        return builder;
    }

    private static List<String> mainClassAnd(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags());
        command.addAll(List.of("-Xmx1g", "-Ddiffusim.threads=1", "-Djava.awt.headless=true",
                "-D" + StoreSizing.MAX_RUNS + "=" + STORE_SIZING.maxRuns(),
                "-D" + StoreSizing.CHECKPOINT_BYTES + "=" + STORE_SIZING.checkpointBytes(),
                "-D" + StoreSizing.METRIC_RECORDS + "=" + STORE_SIZING.metricRecords(),
                "-cp", System.getProperty("java.class.path"), DiffusimCli.class.getName()));
        command.addAll(Arrays.asList(args));
        return command;
    }

    private static List<String> jvmFlags() {
        try (InputStream flags = DaemonJvm.class.getResourceAsStream("/diffusim-jvm.flags")) {
            return Arrays.stream(new String(flags.readAllBytes(), StandardCharsets.UTF_8).trim().split("\\s+")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the daemon printed so far, both streams. */
    String output() {
        try {
            return "stdout: " + Files.readString(stdout) + "\nstderr: " + Files.readString(stderr);
        } catch (IOException e) {
            return e.toString();
        }
    }

    String firstLine() throws IOException {
        return Files.readAllLines(stdout).get(0);
    }

    /** SIGKILL: no shutdown hook runs, daemon.json and the store's open marker stay behind. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** SIGTERM: the coordinated shutdown runs; returns the exit code. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(START.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
