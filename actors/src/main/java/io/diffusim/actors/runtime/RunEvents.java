package io.diffusim.actors.runtime;

import io.diffusim.actors.protocol.FrontDoorCommand.RunStatus;
import io.diffusim.actors.store.MetricRecord;
import java.util.List;

/**
 * What the runs of a daemon tell the outside as it happens (docs/architecture.md §4, the live streams): each metric
 * record with its index in the run's log (what {@code GetMetrics} pages through, so a late joiner can join the
 * stored history to the live tail without gaps or duplicates), and each change of a run's status or step. Called on
 * the supervisors' threads: an implementation never blocks, and drops rather than waits.
 */
public interface RunEvents {

    /** Does nothing: a daemon without live streams. */
    RunEvents NONE = new RunEvents() {
        @Override
        public void recorded(String runId, int firstIndex, List<MetricRecord> records) {
        }

        @Override
        public void status(RunStatus status) {
        }
    };

    /** {@code records} were appended to the run's log at indexes {@code firstIndex}, {@code firstIndex + 1}, .... */
    void recorded(String runId, int firstIndex, List<MetricRecord> records);

    /** The run's state or step changed; {@code status} is the run as it is now. */
    void status(RunStatus status);
}
