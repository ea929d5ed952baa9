package io.diffusim.actors.cli;

import io.diffusim.actors.protocol.FrontDoorCommand.MetricLine;
import io.diffusim.actors.protocol.FrontDoorCommand.Metrics;
import io.diffusim.actors.protocol.FrontDoorCommand.RunStatus;
import io.diffusim.actors.runtime.RunEvents;
import io.diffusim.actors.store.MetricRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * What a streamed {@code watch} heard since it last showed the run: the new records and the latest status, handed
 * to the {@link WatchView} as one poll's answer, so a terminal is redrawn per flush, not per record.
 */
final class PendingMetrics implements RunEvents {

    private final List<MetricLine> records = new ArrayList<>();
    private RunStatus status;
    private int nextIndex;
    private boolean changed;

    @Override
    public void recorded(String runId, int firstIndex, List<MetricRecord> added) {
        added.forEach(r -> records.add(new MetricLine(r.analysis(), r.metric(), r.step(), r.t(), r.value())));
        nextIndex = firstIndex + added.size();
        changed = true;
    }

    @Override
    public void status(RunStatus latest) {
        status = latest;
        changed = true;
    }

    /** The latest status heard (null before the first). */
    RunStatus status() {
        return status;
    }

    /** Shows what is new, if anything and once a status is known. */
    void showOn(WatchView view) {
        if (changed && status != null) {
            view.show(new Metrics(status, List.copyOf(records), nextIndex));
            records.clear();
            changed = false;
        }
    }
}
