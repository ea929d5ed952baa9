package io.diffusim.actors.runtime;

import io.diffusim.actors.protocol.FrontDoorCommand.MetricLine;
import io.diffusim.actors.store.MetricRecord;

/** A metric record as it crosses to clients. */
final class MetricLines {

    private MetricLines() {
    }

    static MetricLine of(MetricRecord record) {
        return new MetricLine(record.analysis(), record.metric(), record.step(), record.t(), record.value());
    }
}
