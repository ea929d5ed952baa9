package io.diffusim.actors.protocol;

import io.diffusim.actors.protocol.FrontDoorCommand.RunStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code status --json} object (docs/user-guide.md), the one shape the CLI and the dashboard both print:
 * {@code id, state, step, steps, error, reason, stepsPerSecond, secondsLeft}, unknown numbers as null.
 */
public final class StatusFields {

    private StatusFields() {
    }

    public static Map<String, Object> of(RunStatus status) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", status.id());
        fields.put("state", status.state());
        fields.put("step", status.step());
        fields.put("steps", status.steps());
        fields.put("error", status.error());
        fields.put("reason", status.reason());
        fields.put("stepsPerSecond", known(status.stepsPerSecond()));
        fields.put("secondsLeft", known(status.secondsLeft()));
        return fields;
    }

    private static Double known(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
