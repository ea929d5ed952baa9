package io.diffusim.analysis.run;

import io.diffusim.analysis.output.MetricsCsv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run's metric sink: appends each record to metrics.csv as it is made (so a crash keeps what was
 * recorded), keeps every series for the plots, and forwards records to the progress listener.
 */
final class MetricRecorder implements MetricSink {

    /** One series: the steps, times and values of one analysis metric, in record order. */
    record Series(String analysis, String metric, List<Long> steps, List<Double> times, List<Double> values) {

        /** An empty series to append to. */
        static Series empty(String analysis, String metric) {
            return new Series(analysis, metric, new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }

        void add(long step, double t, double value) {
            steps.add(step);
            times.add(t);
            values.add(value);
        }
    }

    private final MetricsCsv csv;
    private final MetricSink listener;
    private final Map<String, Series> series = new LinkedHashMap<>();

    MetricRecorder(MetricsCsv csv, MetricSink listener) {
        this.csv = csv;
        this.listener = listener;
    }

    @Override
    public void put(String analysis, String metric, long step, double t, double value) {
        try {
            csv.append(analysis, metric, step, t, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        series.computeIfAbsent(analysis + "." + metric, key -> Series.empty(analysis, metric)).add(step, t, value);
        listener.put(analysis, metric, step, t, value);
    }

    /** Every series recorded so far, keyed {@code analysis.metric}. */
    Map<String, Series> series() {
        return series;
    }

    void flush() throws IOException {
        csv.flush();
    }
}
