package io.diffusim.analysis.run.analyses;

import io.diffusim.analysis.run.BatchStep;
import io.diffusim.analysis.run.MetricSink;
import io.diffusim.analysis.run.RunAnalysis;
import io.diffusim.model.posterior.EffectiveTarget;
import io.diffusim.model.posterior.NoiseUnconditionalTarget;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The posterior over the noise level given only the point, p(t | x_t), along the trajectory (docs/science.md
 * §3.4, §6.3): at each recorded step with t > 0, on the first {@code particles} particles of the run, the
 * means of E[t | x_t] ({@code t-mean}), Var[t | x_t] ({@code var-t}) and the effective-target error
 * E(x_t) ({@code effective-target-error}). The quadrature costs O(particles x data x grid) per record,
 * hence the particle bound.
 */
public final class NoisePosteriorAnalysis implements RunAnalysis {

    private final NoiseUnconditionalTarget posterior;
    private final int particles;
    private final StepAverages averages = new StepAverages(name());
    private int seenThisStep;

    public NoisePosteriorAnalysis(NoiseUnconditionalTarget posterior, int particles) {
        this.posterior = posterior;
        this.particles = particles;
    }

    @Override
    public String name() {
        return "noise-posterior";
    }

    @Override
    public void onBatchStep(BatchStep step) {
        int wanted = particles - seenThisStep;
        if (!step.record() || wanted <= 0 || !(step.t() > 0)) {
            return;
        }
        INDArray x = step.before().x();
        INDArray rows = x.rows() <= wanted ? x : x.get(NDArrayIndex.interval(0, wanted), NDArrayIndex.all());
        seenThisStep += (int) rows.rows();
        EffectiveTarget target = posterior.effectiveTarget(rows);
        averages.add("t-mean", target.moments().mean());
        averages.add("var-t", target.moments().variance());
        averages.add("effective-target-error", target.error());
    }

    @Override
    public void onStepEnd(int step, double t, boolean record, MetricSink sink) {
        if (seenThisStep > 0) {
            averages.emit(step, t, sink);
        }
        seenThisStep = 0;
    }

    @Override
    public void onRestored(String metric, long step, double t, double value) {
        averages.restore(metric, value);
    }

    @Override
    public Map<String, Double> summary() {
        return Map.of("var-t", averages.last("var-t"), "effective-target-error", averages.last("effective-target-error"),
                "t-mean", averages.last("t-mean"));
    }
}
