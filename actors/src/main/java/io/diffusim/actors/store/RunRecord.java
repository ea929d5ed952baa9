package io.diffusim.actors.store;

import java.util.Objects;

/**
 * A run as stored: id, the resolved spec text (HOCON as rendered by SpecRenderer), state, progress,
 * submission order and any error.
 *
 * @param state one of queued, running, paused, stopping, done, failed, stopped (docs/user-guide.md status --json)
 * @param interruptions daemon starts that found the run running with no checkpoint written since the previous such
 *                      start: a run that keeps taking the daemon down is failed instead of resumed forever
 */
public record RunRecord(String id, String spec, String state, int step, int steps, long submittedNs, String error,
        int interruptions) {

    /** A run never interrupted. */
    public RunRecord(String id, String spec, String state, int step, int steps, long submittedNs, String error) {
        this(id, spec, state, step, steps, submittedNs, error, 0);
    }

    public RunRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(state, "state");
    }

    public RunRecord withState(String newState, String newError) {
        return new RunRecord(id, spec, newState, step, steps, submittedNs, newError, interruptions);
    }

    public RunRecord withStep(int newStep) {
        return new RunRecord(id, spec, state, newStep, steps, submittedNs, error, interruptions);
    }

    public RunRecord withInterruptions(int count) {
        return new RunRecord(id, spec, state, step, steps, submittedNs, error, count);
    }
}
