package io.diffusim.analysis.run.analyses;

import io.diffusim.analysis.run.BatchStep;
import io.diffusim.analysis.run.MetricSink;
import io.diffusim.analysis.run.RunAnalysis;
import io.diffusim.analysis.run.StepDriver;
import io.diffusim.model.denoise.Denoiser;
import io.diffusim.sampling.NoiseSource;
import io.diffusim.sampling.Sampler;
import io.diffusim.sampling.SamplerState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Trajectory pairing (docs/science.md §5.4): a second trajectory (another sampler and/or model) from the same
 * initial noise and the same per-step noise stream, stepped in lock-step with the run. Records per step
 * {@code l2} = mean ||x^A - x^B|| and {@code cosine} = mean cosine of the per-step updates; at the end
 * {@code final-l2} and {@code final-cosine} (cosine of the two end points) over all particles. A partner
 * with more steps finishes its remaining steps at the end.
 */
public final class PairedAnalysis implements RunAnalysis {

    private final Sampler sampler;
    private final Denoiser denoiser;
    private final NoiseSource noise;
    private final Map<Integer, SamplerState> partners = new HashMap<>();
    private final StepAverages averages = new StepAverages(name());
    private double finalL2 = Double.NaN;
    private double finalCosine = Double.NaN;

    public PairedAnalysis(Sampler sampler, Denoiser denoiser, NoiseSource noise) {
        this.sampler = sampler;
        this.denoiser = denoiser;
        this.noise = noise;
    }

    @Override
    public String name() {
        return "paired";
    }

    @Override
    public void onBatchStep(BatchStep step) {
        SamplerState before = partners.computeIfAbsent(step.batch(), b -> sampler.start(step.before().particles(), noise));
        if (sampler.finished(before)) {
            return;
        }
        SamplerState after = StepDriver.step(sampler, denoiser, before, noise, new ArrayList<>(2));
        partners.put(step.batch(), after);
        if (step.record()) {
            averages.add("l2", RowGeometry.distances(step.after().x(), after.x()));
            double[] cosine = RowGeometry.cosineSumAndCount(step.after().x().sub(step.before().x()),
                    after.x().sub(before.x()));
            averages.add("cosine", cosine[0], cosine[1]);
        }
    }

    @Override
    public void onStepEnd(int step, double t, boolean record, MetricSink sink) {
        if (record) {
            averages.emit(step, t, sink);
        } else {
            averages.discard();
        }
    }

    @Override
    public void onFinish(INDArray samples, int finalStep, MetricSink sink) {
        double l2Sum = 0;
        double[] cosine = {0, 0};
        for (SamplerState partner : partners.values()) {
            INDArray end = StepDriver.toEnd(sampler, denoiser, partner, noise).x();
            long first = partner.particles()[0];
            INDArray mine = samples.get(NDArrayIndex.interval(first, first + end.rows()), NDArrayIndex.all());
            l2Sum += RowGeometry.distances(mine, end).sumNumber().doubleValue();
            double[] c = RowGeometry.cosineSumAndCount(mine, end);
            cosine[0] += c[0];
            cosine[1] += c[1];
        }
        finalL2 = l2Sum / samples.rows();
        finalCosine = cosine[1] == 0 ? Double.NaN : cosine[0] / cosine[1];
        sink.put(name(), "final-l2", finalStep, Double.NaN, finalL2);
        sink.put(name(), "final-cosine", finalStep, Double.NaN, finalCosine);
    }

    @Override
    public void onRestored(String metric, long step, double t, double value) {
        averages.restore(metric, value);
    }

    @Override
    public Map<String, Double> summary() {
        return Map.of("final-l2", finalL2, "final-cosine", finalCosine, "l2", averages.last("l2"),
                "cosine", averages.last("cosine"));
    }
}
