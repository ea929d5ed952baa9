package io.diffusim.actors.runtime;

import io.diffusim.actors.protocol.FrontDoorCommand.RunStatus;
import io.diffusim.actors.store.MetricRecord;
import java.util.List;

/** Hands every event to several {@link RunEvents} in turn (e.g. the metric stream and the dashboard). */
public record RunEventsFanOut(List<RunEvents> targets) implements RunEvents {

    public RunEventsFanOut {
        targets = List.copyOf(targets);
    }

    public static RunEvents of(RunEvents... targets) {
        return targets.length == 1 ? targets[0] : new RunEventsFanOut(List.of(targets));
    }

    @Override
    public void recorded(String runId, int firstIndex, List<MetricRecord> records) {
        targets.forEach(t -> t.recorded(runId, firstIndex, records));
    }

    @Override
    public void status(RunStatus status) {
        targets.forEach(t -> t.status(status));
    }
}
