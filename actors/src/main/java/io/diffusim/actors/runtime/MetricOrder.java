package io.diffusim.actors.runtime;

import io.diffusim.actors.protocol.FrontDoorCommand.MetricLine;
import io.diffusim.actors.store.MetricRecord;
import java.util.Comparator;

/**
 * The one order of a run's metric records that {@code GetMetrics} indices and metrics.csv use: by step, then
 * analysis, then metric. A live run appends each step's records in this order and the store's records sort into it,
 * so an index means the same before and after a run ends or the daemon restarts.
 */
final class MetricOrder {

    static final Comparator<MetricRecord> ORDER = Comparator.comparingLong(MetricRecord::step)
            .thenComparing(MetricRecord::analysis).thenComparing(MetricRecord::metric);

    private MetricOrder() {
    }

    static MetricLine line(MetricRecord record) {
        return new MetricLine(record.analysis(), record.metric(), record.step(), record.t(), record.value());
    }
}
