package io.diffusim.actors.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code daemon.json}: round trip, atomic replacement, and what counts as a live daemon. */
class DaemonFileTest {

    @TempDir
    Path dir;

    @Test
    void shouldReadBackWhatItWroteAndLeaveNoTemporaryFile() throws IOException {
        DaemonFile file = new DaemonFile("127.0.0.1", 25_520, 4_242, "2026-11-30T10:15:00Z");
        file.write(dir);
        new DaemonFile("127.0.0.1", 25_521, 4_242, "2026-11-30T10:16:00Z").write(dir);
        assertThat(DaemonFile.read(dir)).contains(new DaemonFile("127.0.0.1", 25_521, 4_242, "2026-11-30T10:16:00Z"));
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(DaemonFile.NAME);
        }
    }

    @Test
    void shouldLeaveTheFileOfANewerDaemon() {
        DaemonFile old = new DaemonFile("127.0.0.1", 1_000, 1, "2026-11-30T10:15:00Z");
        DaemonFile newer = new DaemonFile("127.0.0.1", 1_001, 2, "2026-11-30T10:16:00Z");
        newer.write(dir);
        old.deleteIfOurs(dir);
        assertThat(DaemonFile.read(dir)).contains(newer);
        newer.deleteIfOurs(dir);
        assertThat(DaemonFile.in(dir)).doesNotExist();
    }

    @Test
    void shouldTreatAMissingOrCorruptFileAsNoDaemon() throws IOException {
        assertThat(DaemonFile.read(dir)).isEmpty();
        Files.writeString(DaemonFile.in(dir), "{\"host\": \"127.0.0.1\", \"po");
        assertThat(DaemonFile.read(dir)).isEmpty();
    }

    @Test
    void shouldNotCallAFileLiveWhenItsProcessIsGoneOrItsPortClosed() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        try (var server = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            int open = server.getLocalPort();
            assertThat(new DaemonFile("127.0.0.1", open, ProcessHandle.current().pid(), "x").live()).isTrue();
            assertThat(new DaemonFile("127.0.0.1", open, gone.pid(), "x").live()).isFalse();
        }
        assertThat(new DaemonFile("127.0.0.1", DaemonProcessTest.closedPort(), ProcessHandle.current().pid(), "x").live())
                .isFalse();
    }
}
