package io.diffusim.analysis.run.analyses;

import io.diffusim.analysis.metric.KnnKl;
import io.diffusim.analysis.run.MetricSink;
import io.diffusim.analysis.run.RunAnalysis;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/** KL(data || samples) of the final samples with the kNN estimator of docs/science.md §7.5. */
public final class KlAnalysis implements RunAnalysis {

    private final INDArray data;
    private final int k;
    private final double base;
    private double kl = Double.NaN;

    public KlAnalysis(INDArray data, int k, double base) {
        this.data = data;
        this.k = k;
        this.base = base;
    }

    @Override
    public String name() {
        return "kl";
    }

    @Override
    public void onFinish(INDArray samples, int finalStep, MetricSink sink) {
        kl = KnnKl.estimate(data, samples, k, base);
        sink.put(name(), "kl", finalStep, Double.NaN, kl);
    }

    @Override
    public Map<String, Double> summary() {
        return Map.of("kl", kl);
    }
}
