package io.diffusim.actors.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.diffusim.actors.protocol.FrontDoorCommand.RunStatus;
import io.diffusim.actors.runtime.DaemonHealth;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GET /api/health: up with uptime and run counts, or down naming each part that is not working. */
class HealthReportTest {

    private static final Instant STARTED = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void shouldCountRunsByStateWhileEverythingAnswers() {
        List<RunStatus> runs = List.of(new RunStatus("a", "running", 3, 10, null), new RunStatus("b", "done", 10, 10, null),
                new RunStatus("c", "running", 1, 10, null));
        ObjectNode report = HealthReport.of(new DaemonHealth(STARTED), STARTED.plusSeconds(90), runs, null);
        assertThat(HealthReport.up(report)).isTrue();
        assertThat(DashboardJson.text(report)).isEqualTo(
                "{\"status\":\"up\",\"uptimeSeconds\":90,\"runs\":{\"total\":3,\"done\":1,\"running\":2}}");
    }

    @Test
    void shouldNameWhatIsDownAndThatTheFrontDoorDidNotAnswer() {
        DaemonHealth health = new DaemonHealth(STARTED);
        health.down("state-store", "stopped");
        ObjectNode report = HealthReport.of(health, STARTED.plusSeconds(5), null, "did not answer: Ask timed out after [5000 ms]");
        assertThat(HealthReport.up(report)).isFalse();
        assertThat(report.get("down").toString()).isEqualTo("[\"state-store: stopped\",\"front-door or run-registry: did not"
                + " answer: Ask timed out after [5000 ms]\"]");
        assertThat(report.has("runs")).isFalse();
    }
}
