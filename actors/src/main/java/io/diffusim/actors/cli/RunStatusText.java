package io.diffusim.actors.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.diffusim.actors.protocol.FrontDoorCommand.MetricLine;
import io.diffusim.actors.protocol.FrontDoorCommand.RunStatus;
import io.diffusim.actors.protocol.Pace;
import io.diffusim.actors.protocol.StatusFields;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the CLI prints a daemon run's status and metric records: docs/user-guide.md's {@code status --json} object, a
 * human line, JSON lines for {@code watch --json}, and the exit code of a run that ended.
 */
final class RunStatusText {

    private static final ObjectMapper JSON = new ObjectMapper();
    private RunStatusText() {
    }

    /** The {@link StatusFields} object. */
    static String json(RunStatus status) {
        return write(StatusFields.of(status));
    }

    /** {@code {"analysis", "metric", "step", "t", "value"}}, a metrics.csv row (docs/user-guide.md) as a JSON line. */
    static String json(MetricLine line) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("analysis", line.analysis());
        fields.put("metric", line.metric());
        fields.put("step", line.step());
        fields.put("t", line.t());
        fields.put("value", line.value());
        return write(fields);
    }

    /**
     * e.g. {@code moons-s0-20261130T101500Z  running  step 12/100  25 steps/s, 4 s left}; a failed or stopped run
     * ends with why.
     */
    static String line(RunStatus status) {
        String pace = Pace.text(status.stepsPerSecond(), status.secondsLeft());
        String reason = status.reason();
        return status.id() + "  " + status.state() + "  step " + status.step() + "/" + status.steps()
                + (pace.isEmpty() ? "" : "  " + pace) + (reason == null ? "" : "  " + reason);
    }

    static boolean ended(RunStatus status) {
        return status.ended();
    }

    /** 0 for a run that is done; otherwise one line on stderr saying how it ended, and 1. */
    static int exitCode(RunStatus status, PrintWriter err) {
        if (status.state().equals("done")) {
            return ExitCode.OK;
        }
        err.println("diffusim: run " + status.id() + " " + status.state() + " at step " + status.step() + "/"
                + status.steps() + (status.state().equals("failed") ? ": " + status.error() : ""));
        err.flush();
        return ExitCode.FAILURE;
    }

    private static String write(Map<String, Object> fields) {
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
