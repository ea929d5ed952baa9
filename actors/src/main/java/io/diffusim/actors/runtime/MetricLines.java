package io.diffusim.actors.runtime;

import io.diffusim.actors.protocol.FrontDoorCommand;
import io.diffusim.actors.protocol.FrontDoorCommand.MetricLine;
import io.diffusim.actors.protocol.FrontDoorCommand.Metrics;
import io.diffusim.actors.protocol.FrontDoorCommand.RunStatus;
import io.diffusim.actors.store.MetricRecord;
import java.util.List;

/** Metric records as they cross to clients. */
final class MetricLines {

    private MetricLines() {
    }

    /** The page of a run's records (in log order) from {@code fromIndex} on, at most {@link FrontDoorCommand#METRICS_PAGE}. */
    static Metrics page(List<MetricRecord> records, int fromIndex, RunStatus status) {
        int from = Math.min(Math.max(0, fromIndex), records.size());
        int to = (int) Math.min(records.size(), (long) from + FrontDoorCommand.METRICS_PAGE);
        return new Metrics(status, records.subList(from, to).stream().map(MetricLines::of).toList(), to);
    }

    static MetricLine of(MetricRecord record) {
        return new MetricLine(record.analysis(), record.metric(), record.step(), record.t(), record.value());
    }
}
