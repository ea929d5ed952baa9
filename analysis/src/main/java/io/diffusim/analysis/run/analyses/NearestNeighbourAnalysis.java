package io.diffusim.analysis.run.analyses;

import io.diffusim.analysis.neighbour.NearestNeighbourStats;
import io.diffusim.analysis.run.MetricSink;
import io.diffusim.analysis.run.RunAnalysis;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Distance of each final sample to its nearest training point (docs/science.md §5.4): the mean, the fraction
 * "copied" (closer than {@code copyRatio} of the data's median nearest-neighbour spacing) and the
 * memorisation fraction (d1/d2 < 1/3).
 */
public final class NearestNeighbourAnalysis implements RunAnalysis {

    private final INDArray data;
    private final double copyRatio;
    private Map<String, Double> summary = Map.of("mean", Double.NaN, "copied-fraction", Double.NaN,
            "memorisation-fraction", Double.NaN);

    public NearestNeighbourAnalysis(INDArray data, double copyRatio) {
        this.data = data;
        this.copyRatio = copyRatio;
    }

    @Override
    public String name() {
        return "nearest-neighbour";
    }

    @Override
    public void onFinish(INDArray samples, int finalStep, MetricSink sink) {
        NearestNeighbourStats.Summary stats = NearestNeighbourStats.of(data, samples);
        double threshold = copyRatio * stats.medianSpacing();
        double copied = (double) Arrays.stream(stats.distances()).filter(d -> d < threshold).count()
                / stats.distances().length;
        // insertion order: Map.of iterates in an order that changes from JVM to JVM, and metrics.csv must not
        summary = new LinkedHashMap<>();
        summary.put("mean", stats.mean());
        summary.put("copied-fraction", copied);
        summary.put("memorisation-fraction", stats.memorisationFraction());
        summary.put("median-spacing", stats.medianSpacing());
        summary.forEach((metric, value) -> sink.put(name(), metric, finalStep, Double.NaN, value));
    }

    @Override
    public Map<String, Double> summary() {
        return summary;
    }
}
