package io.diffusim.actors.dashboard;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.diffusim.actors.protocol.FrontDoorCommand.RunStatus;
import io.diffusim.actors.runtime.DaemonHealth;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code GET /api/health}: up (200) with the daemon's uptime and its runs counted by state while the front door and
 * run registry answer and no part the daemon needs is down; down (503) naming each part that is not working.
 */
final class HealthReport {

    private HealthReport() {
    }

    /** The report for a run list the daemon answered, or null runs when it did not ({@code noAnswer} says why). */
    static ObjectNode of(DaemonHealth health, Instant now, List<RunStatus> runs, String noAnswer) {
        List<String> down = new ArrayList<>(health.down());
        if (runs == null) {
            down.add("front-door or run-registry: " + noAnswer);
        }
        Duration uptime = health.uptime(now);
        ObjectNode node = DashboardJson.object().put("status", down.isEmpty() ? "up" : "down")
                .put("uptimeSeconds", uptime.toSeconds());
        if (runs != null) {
            Map<String, Long> counts = runs.stream().collect(Collectors.groupingBy(RunStatus::state, TreeMap::new,
                    Collectors.counting()));
            ObjectNode byState = node.putObject("runs").put("total", runs.size());
            counts.forEach(byState::put);
        }
        if (!down.isEmpty()) {
            ArrayNode list = node.putArray("down");
            down.forEach(list::add);
        }
        return node;
    }

    static boolean up(ObjectNode report) {
        return report.get("status").asText().equals("up");
    }
}
