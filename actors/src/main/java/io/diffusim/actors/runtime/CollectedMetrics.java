package io.diffusim.actors.runtime;

import io.diffusim.actors.store.MetricRecord;
import io.diffusim.analysis.run.MetricSink;
import java.util.ArrayList;
import java.util.List;

/** A metric sink that keeps what the analyses put, as store records, in the order they were put. */
final class CollectedMetrics implements MetricSink {

    private final List<MetricRecord> records = new ArrayList<>();

    @Override
    public void put(String analysis, String metric, long step, double t, double value) {
        records.add(new MetricRecord(analysis, metric, step, t, value));
    }

    List<MetricRecord> records() {
        return List.copyOf(records);
    }
}
