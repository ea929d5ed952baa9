package io.diffusim.actors.store;

import java.nio.ByteBuffer;

/**
 * The key of one metric record, (run, analysis, metric, step): re-recording a step after a resume replaces the
 * record instead of adding a second one. Binary form: string run | string analysis | string metric | long step
 * (string: int length, then UTF-8), so every key of one series shares a prefix and differs in its last 8 bytes.
 */
record MetricKey(String runId, String analysis, String metric, long step) {

    static final int VALUE_BYTES = 2 * Double.BYTES + Long.BYTES;

    byte[] encode() {
        return withStep(seriesKey(runId, analysis, metric), step);
    }

    /** A key buffer of one series with room for the step; {@link #withStep} fills it in. */
    static byte[] seriesKey(String runId, String analysis, String metric) {
        byte[] run = ValueWriter.utf8(runId);
        byte[] a = ValueWriter.utf8(analysis);
        byte[] m = ValueWriter.utf8(metric);
        return new ValueWriter(3L * Integer.BYTES + run.length + a.length + m.length + Long.BYTES)
                .putUtf8(run).putUtf8(a).putUtf8(m).putLong(0).bytes();
    }

    /** Writes {@code step} into the last 8 bytes of a series key buffer, in place, and returns it. */
    static byte[] withStep(byte[] seriesKey, long step) {
        ByteBuffer.wrap(seriesKey).putLong(seriesKey.length - Long.BYTES, step);
        return seriesKey;
    }

    static MetricKey decode(byte[] bytes) {
        ValueReader r = new ValueReader(bytes, "metric key");
        MetricKey key = new MetricKey(r.readString("run"), r.readString("analysis"), r.readString("metric"),
                r.readLong("step"));
        r.expectEnd();
        return key;
    }

    /** The record's value: t, the metric value and the record's index in the run's log. */
    static byte[] encodeValue(long index, MetricRecord record) {
        return new ValueWriter(VALUE_BYTES).putDouble(record.t()).putDouble(record.value()).putLong(index).bytes();
    }

    IndexedMetric decodeValue(byte[] bytes) {
        ValueReader r = new ValueReader(bytes, "metric record " + analysis + "." + metric + " step " + step
                + " of run " + runId);
        double t = r.readDouble("t");
        double value = r.readDouble("value");
        long index = r.readLong("index");
        r.expectEnd();
        if (index < 0) {
            throw r.corrupt("index " + index);
        }
        return new IndexedMetric(index, new MetricRecord(analysis, metric, step, t, value));
    }
}
