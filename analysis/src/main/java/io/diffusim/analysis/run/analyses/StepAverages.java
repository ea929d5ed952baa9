package io.diffusim.analysis.run.analyses;

import io.diffusim.analysis.run.MetricSink;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Per-step means over all particles of a run, fed batch by batch: sums reduce on the device, only the
 * scalar sum and count are kept; {@link #emit} writes one record per metric and starts the next step.
 */
final class StepAverages {

    private final String analysis;
    private final Map<String, double[]> sums = new LinkedHashMap<>();
    private final Map<String, Double> last = new LinkedHashMap<>();

    StepAverages(String analysis) {
        this.analysis = analysis;
    }

    /** Adds the per-particle values of one batch ({@code [B]} or {@code [B, 1]}). */
    void add(String metric, INDArray perParticle) {
        double[] sum = sums.computeIfAbsent(metric, m -> new double[2]);
        sum[0] += perParticle.sumNumber().doubleValue();
        sum[1] += perParticle.length();
    }

    /** Adds a batch's sum of values over {@code count} valid particles (rows that were skipped excluded). */
    void add(String metric, double sum, double count) {
        double[] acc = sums.computeIfAbsent(metric, m -> new double[2]);
        acc[0] += sum;
        acc[1] += count;
    }

    /** Writes the means of this step and clears them; remembers them as the latest values. */
    void emit(long step, double t, MetricSink sink) {
        sums.forEach((metric, sum) -> {
            double mean = sum[1] == 0 ? Double.NaN : sum[0] / sum[1];
            sink.put(analysis, metric, step, t, mean);
            last.put(metric, mean);
        });
        sums.clear();
    }

    /** Drops this step's sums without writing (steps that are not recorded). */
    void discard() {
        sums.clear();
    }

    /** A mean emitted before the run resumed, as the latest value of {@code metric}. */
    void restore(String metric, double mean) {
        last.put(metric, mean);
    }

    /** The most recently emitted mean of {@code metric}, NaN before any. */
    double last(String metric) {
        return last.getOrDefault(metric, Double.NaN);
    }
}
