package io.diffusim.analysis.run.analyses;

import io.diffusim.analysis.metric.Wasserstein1;
import io.diffusim.analysis.run.MetricSink;
import io.diffusim.analysis.run.RunAnalysis;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * 1-Wasserstein distance between the final samples and the data by Hungarian matching (docs/science.md §4.4),
 * on the first {@code subsample} points of each (matching is O(m^3), so the sets are cut to equal size).
 */
public final class W1Analysis implements RunAnalysis {

    private final INDArray data;
    private final int subsample;
    private double w1 = Double.NaN;

    public W1Analysis(INDArray data, int subsample) {
        this.data = data;
        this.subsample = subsample;
    }

    @Override
    public String name() {
        return "w1";
    }

    @Override
    public void onFinish(INDArray samples, int finalStep, MetricSink sink) {
        long m = Math.min(subsample, Math.min(data.rows(), samples.rows()));
        w1 = Wasserstein1.between(data.get(NDArrayIndex.interval(0, m), NDArrayIndex.all()),
                samples.get(NDArrayIndex.interval(0, m), NDArrayIndex.all()));
        sink.put(name(), "w1", finalStep, Double.NaN, w1);
    }

    @Override
    public Map<String, Double> summary() {
        return Map.of("w1", w1);
    }
}
