package io.diffusim.actors.runtime;

import java.util.Set;

/** The states of a run as stored and shown by {@code status --json} (docs/user-guide.md). */
final class RunStates {

    static final String QUEUED = "queued";
    static final String RUNNING = "running";
    static final String PAUSED = "paused";
    /** Stop was asked: the batches are being stopped and the manifest written; then {@link #STOPPED}. */
    static final String STOPPING = "stopping";
    static final String DONE = "done";
    static final String FAILED = "failed";
    static final String STOPPED = "stopped";

    private static final Set<String> ENDED = Set.of(DONE, FAILED, STOPPED);

    private RunStates() {
    }

    /** True for done, failed and stopped: nothing more happens to the run. */
    static boolean ended(String state) {
        return ENDED.contains(state);
    }
}
