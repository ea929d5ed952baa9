package io.diffusim.actors.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.diffusim.actors.testing.ChildJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        child = new ProcessBuilder(ChildJvm.command(List.of("-Xmx256m", "-Duser.home=" + home), StoreOwnerProcess.class,
                cleanDir.toString(), killedDir.toString())).redirectError(dir.resolve("child.err").toFile()).start();
        String ready = ChildJvm.awaitLine(child, "READY ", START_TIMEOUT_S);
        assertThat(ready).as(Files.readString(dir.resolve("child.err"))).startsWith("READY ");
        return Long.parseLong(ready.substring("READY ".length()).trim());
    }

    private static List<String> regularFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).toList();
        }
    }
}
