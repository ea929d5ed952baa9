package io.diffusim.actors.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.diffusim.actors.protocol.FrontDoorCommand.RunStatus;
import io.diffusim.actors.protocol.StatusFields;
import io.diffusim.actors.protocol.FrontDoorCommand.Snapshot;
import java.util.List;

/** The JSON the dashboard's pages read: run statuses, snapshots, errors (the feed's events are built in RunPageFeed). */
final class DashboardJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private DashboardJson() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** status --json fields (docs/user-guide.md). */
    static ObjectNode status(RunStatus status) {
        return MAPPER.valueToTree(StatusFields.of(status));
    }

    /** {@code {"runs": [status...], "notices": [line...]}}: the notices are what the store set aside at start-up. */
    static String runList(List<RunStatus> runs, List<String> notices) {
        ArrayNode list = array();
        runs.forEach(run -> list.add(status(run)));
        ArrayNode lines = array();
        notices.forEach(lines::add);
        ObjectNode node = object();
        node.set("runs", list);
        node.set("notices", lines);
        return text(node);
    }

    static String run(RunStatus status, String spec) {
        return text(object().<ObjectNode>set("status", status(status)).put("spec", spec));
    }

    static String snapshot(Snapshot snapshot) {
        ArrayNode points = array();
        for (float value : snapshot.points()) {
            points.add(value);
        }
        ObjectNode node = object().put("step", snapshot.step()).put("dimension", snapshot.dimension())
                .put("particles", snapshot.particles())
                .put("shown", snapshot.dimension() == 0 ? 0 : snapshot.points().length / snapshot.dimension());
        node.set("status", status(snapshot.status()));
        node.set("points", points);
        return text(node);
    }

    static String error(String message) {
        return text(object().put("error", message));
    }

    static String text(Object node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }
}
