package io.diffusim.actors.store;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** A stored metric record with its position in the run's log. */
record IndexedMetric(long index, MetricRecord record) {

    static List<MetricRecord> inIndexOrder(Collection<IndexedMetric> metrics) {
        return metrics.stream().sorted(Comparator.comparingLong(IndexedMetric::index)).map(IndexedMetric::record).toList();
    }
}
