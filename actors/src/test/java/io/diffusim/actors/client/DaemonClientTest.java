package io.diffusim.actors.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.diffusim.actors.daemon.DaemonProcess;
import io.diffusim.actors.daemon.FakeFrontDoor;
import io.diffusim.actors.protocol.FrontDoorCommand.Action;
import io.diffusim.actors.protocol.FrontDoorCommand.Metrics;
import io.diffusim.actors.protocol.FrontDoorCommand.MetricLine;
import io.diffusim.actors.protocol.FrontDoorCommand.Rejected;
import io.diffusim.actors.protocol.FrontDoorCommand.RunStatus;
import io.diffusim.actors.protocol.FrontDoorCommand.Submitted;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The front-door protocol over real Artery between two actor systems in one JVM: every request and reply
 * survives Jackson CBOR, and an unknown run id is its own error.
 */
class DaemonClientTest {

    private static final String SPEC = FakeFrontDoor.spec("tiny");

    @TempDir
    static Path dataDir;

    private static DaemonProcess daemon;
    private static DaemonClient client;

    @BeforeAll
    static void startDaemon() {
        daemon = DaemonProcess.start(dataDir, "127.0.0.1", 0,
                (dir, config) -> new DaemonProcess.Parts(FakeFrontDoor.guardian(), () -> { }));
        client = DaemonClient.connect(DaemonLocation.find(dataDir, null));
    }

    @AfterAll
    static void stopDaemon() {
        client.close();
        daemon.close();
    }

    @Test
    void shouldCarryASubmittedRunThroughItsLifeOverArtery() throws IOException {
        String id = ((Submitted) client.submit(SPEC, dataDir)).runId();
        assertThat(client.list()).extracting(RunStatus::id).contains(id);
        assertThat(client.status(id)).isEqualTo(new RunStatus(id, "running", 1, FakeFrontDoor.STEPS, null));
        assertThat(client.control(id, Action.PAUSE).state()).isEqualTo("paused");
        assertThat(client.status(id).step()).as("a paused run stays").isEqualTo(1);
        assertThat(client.control(id, Action.RESUME).state()).isEqualTo("running");
        Metrics metrics = client.metrics(id, 0);
        assertThat(metrics.records()).containsExactly(new MetricLine("fake", "step-squared", 1, 0.8, 1.0),
                new MetricLine("fake", "step-squared", 2, 0.6, 4.0));
        assertThat(client.metrics(id, metrics.nextIndex()).records()).extracting(MetricLine::step).containsExactly(3L);
        assertThatThrownBy(() -> client.export(id, dataDir.resolve("early"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is running");
        while (!client.status(id).state().equals("done")) {
            Thread.onSpinWait();
        }
        Path out = client.export(id, dataDir.resolve("out"));
        assertThat(Files.readString(out.resolve("samples.csv"))).isEqualTo(FakeFrontDoor.SAMPLES);
    }

    @Test
    void shouldReturnEveryReasonOfARejectedSpec() {
        Rejected rejected = (Rejected) client.submit(SPEC.replace("tiny", FakeFrontDoor.REJECTED_NAME), dataDir);
        assertThat(rejected.errors()).containsExactly("first reason", "second reason");
    }

    @Test
    void shouldNameAnUnknownRunAndHowToListTheRuns() {
        assertThatThrownBy(() -> client.status("no-such-run")).isInstanceOf(UnknownRunException.class)
                .hasMessage("unknown run no-such-run (bin/diffusim list --data-dir " + dataDir.toAbsolutePath().normalize()
                        + " shows the runs)");
        assertThatThrownBy(() -> client.control("no-such-run", Action.STOP)).isInstanceOf(UnknownRunException.class);
        assertThatThrownBy(() -> client.metrics("no-such-run", 0)).isInstanceOf(UnknownRunException.class);
        assertThatThrownBy(() -> client.export("no-such-run", dataDir)).isInstanceOf(UnknownRunException.class);
    }
}
