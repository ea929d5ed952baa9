package io.diffusim.actors.store;

import java.util.Objects;

/**
 * A run as stored: id, the resolved spec text (HOCON as rendered by SpecRenderer), state, progress,
 * submission order and any error.
 *
 * @param state one of queued, running, paused, done, failed, stopped (docs/user-guide.md status --json)
 */
public record RunRecord(String id, String spec, String state, int step, int steps, long submittedNs, String error) {

    public RunRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(state, "state");
    }

    public RunRecord withState(String newState, String newError) {
        return new RunRecord(id, spec, newState, step, steps, submittedNs, newError);
    }

    public RunRecord withStep(int newStep) {
        return new RunRecord(id, spec, state, newStep, steps, submittedNs, error);
    }
}
