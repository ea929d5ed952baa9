package io.diffusim.actors.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon's address in {@code <data-dir>/daemon.json} (docs/architecture.md §4): written once bound, removed on shutdown. */
class DaemonProcessTest {

    private static final long SELF = ProcessHandle.current().pid();

    @TempDir
    Path dir;

    @Test
    void shouldAdvertiseItsLoopbackAddressAndRemoveItAfterShutdown() {
        AtomicBoolean stateClosed = new AtomicBoolean();
        try (DaemonProcess daemon = DaemonProcess.start(dir, "127.0.0.1", 0,
                (dataDir, config) -> new DaemonProcess.Parts(FakeFrontDoor.guardian(), () -> stateClosed.set(true)))) {
            DaemonFile file = DaemonFile.read(dir).orElseThrow();
            assertThat(file.host()).isEqualTo("127.0.0.1");
            assertThat(file.port()).isEqualTo(daemon.port()).isPositive();
            assertThat(file.pid()).isEqualTo(SELF);
            assertThat(file.live()).isTrue();
            assertThat(stateClosed).isFalse();
        }
        assertThat(DaemonFile.in(dir)).doesNotExist();
        assertThat(stateClosed).isTrue();
    }

    @Test
    void shouldRefuseADataDirectoryThatALiveDaemonOwns() {
        try (DaemonProcess daemon = DaemonProcess.start(dir, "127.0.0.1", 0,
                (dataDir, config) -> new DaemonProcess.Parts(FakeFrontDoor.guardian(), () -> { }))) {
            AtomicBoolean opened = new AtomicBoolean();
            assertThatThrownBy(() -> DaemonProcess.start(dir, "127.0.0.1", 0, (dataDir, config) -> {
                opened.set(true);
                return new DaemonProcess.Parts(FakeFrontDoor.guardian(), () -> { });
            })).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(dir.toString()).hasMessageContaining("pid " + SELF)
                    .hasMessageContaining("127.0.0.1:" + daemon.port());
            assertThat(opened).as("the second daemon never opens the state").isFalse();
        }
    }

    @Test
    void shouldTakeOverTheFileOfADaemonThatNoLongerListens() throws IOException {
        new DaemonFile("127.0.0.1", closedPort(), SELF, "2026-01-01T00:00:00Z").write(dir);
        try (DaemonProcess daemon = DaemonProcess.start(dir, "127.0.0.1", 0,
                (dataDir, config) -> new DaemonProcess.Parts(FakeFrontDoor.guardian(), () -> { }))) {
            assertThat(DaemonFile.read(dir).orElseThrow().port()).isEqualTo(daemon.port());
        }
    }

    @Test
    void shouldCloseTheStateWhenTheActorSystemCannotBind() throws IOException {
        AtomicBoolean stateClosed = new AtomicBoolean();
        try (ServerSocket taken = new ServerSocket(0)) {
            assertThatThrownBy(() -> DaemonProcess.start(dir, "127.0.0.1", taken.getLocalPort(),
                    (dataDir, config) -> new DaemonProcess.Parts(FakeFrontDoor.guardian(), () -> stateClosed.set(true))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("cannot listen on 127.0.0.1:" + taken.getLocalPort()
                            + ": Address already in use (choose another --port or --bind)");
        }
        assertThat(stateClosed).isTrue();
        assertThat(DaemonFile.in(dir)).doesNotExist();
    }

    /** A port nothing listens on (bound, then released). */
    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
