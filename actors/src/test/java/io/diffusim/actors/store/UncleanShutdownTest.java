package io.diffusim.actors.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A real owner process killed with SIGKILL while its maps are open: the next owner recovers them and finds the
 * data; while it lives, nobody else may open its directory. The same child shows what Chronicle Map writes
 * outside the store: nothing in its (private) home directory.
 */
class UncleanShutdownTest {

    private static final long START_TIMEOUT_S = 60;

    @TempDir
    Path dir;

    private Process child;

    @AfterEach
    void killChild() {
        if (child != null) {
            child.destroyForcibly();
        }
    }

    @Test
    void shouldRefuseALiveOwnerAndRecoverAfterItIsKilled() throws Exception {
        Path cleanDir = dir.resolve("clean");
        Path killedDir = dir.resolve("killed");
        Path home = Files.createDirectories(dir.resolve("home"));
        long pid = startChild(cleanDir, killedDir, home);

        assertThatThrownBy(() -> ChronicleRunStore.open(killedDir, StoreFixtures.SMALL))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(killedDir.toString())
                .hasMessageContaining("in use by process " + pid);

        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger logger = (Logger) LoggerFactory.getLogger(ChronicleRunStore.class);
        log.start();
        logger.addAppender(log);
        try (ChronicleRunStore store = ChronicleRunStore.open(killedDir, StoreFixtures.SMALL)) {
            assertThat(store.recovered()).isTrue();
            assertThat(store.run("r1")).contains(StoreFixtures.run("r1", 1));
            StoreFixtures.assertSameBits(store.checkpoint("r1", 0).orElseThrow(), StoreFixtures.checkpoint(20, 1000));
            assertThat(store.metrics("r1")).hasSize(StoreFixtures.metrics().size());
        } finally {
            logger.detachAppender(log);
        }
        assertThat(log.list).anyMatch(e -> e.getLevel() == Level.WARN && e.getFormattedMessage().contains(
                "was not closed cleanly"));
        try (ChronicleRunStore store = ChronicleRunStore.open(killedDir, StoreFixtures.SMALL)) {
            assertThat(store.recovered()).as("a clean close after the recovery").isFalse();
        }

        assertThat(regularFiles(cleanDir)).allMatch(p -> p.startsWith("store/")
                && StoreFiles.CLOSED_FILES.contains(p.substring("store/".length())));
        assertThat(regularFiles(home)).as("files Chronicle wrote in the home directory").isEmpty();
    }

    /** Starts {@link StoreOwnerProcess} with this JVM's flags and class path; returns its pid once it is ready. */
    private long startChild(Path cleanDir, Path killedDir, Path home) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-Xmx256m");
        command.add("-Duser.home=" + home);
        command.add("-cp");
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        command.add(StoreOwnerProcess.class.getName());
        command.add(cleanDir.toString());
        command.add(killedDir.toString());
        child = new ProcessBuilder(command).redirectError(dir.resolve("child.err").toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String ready = CompletableFuture.supplyAsync(() -> readyLine(out)).get(START_TIMEOUT_S, TimeUnit.SECONDS);
        assertThat(ready).as(Files.readString(dir.resolve("child.err"))).startsWith("READY ");
        return Long.parseLong(ready.substring("READY ".length()).trim());
    }

    private static String readyLine(BufferedReader out) {
        try {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("READY ")) {
                    return line;
                }
            }
            return "(exited without READY)";
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private static List<String> regularFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).toList();
        }
    }
}
