package io.diffusim.analysis.run.analyses;

import io.diffusim.analysis.RunningMean;
import io.diffusim.analysis.run.BatchStep;
import io.diffusim.analysis.run.Evaluation;
import io.diffusim.analysis.run.MetricSink;
import io.diffusim.analysis.run.RunAnalysis;
import io.diffusim.model.denoise.Denoiser;
import java.util.Map;
import java.util.Optional;

/**
 * Agreement of a second denoiser with the run's along the run's own path: at each recorded step the
 * second model answers the run's last evaluation request and {@code mse} is the mean over particles and
 * coordinates of the squared difference of the two clean-point estimates; the summary is its mean over
 * the path. With a label the metric is {@code mse-<label>}, so that several comparisons share one run.
 */
public final class DenoiserAgreementAnalysis implements RunAnalysis {

    private final Denoiser other;
    private final String metric;
    private final StepAverages averages = new StepAverages(name());
    private final RunningMean pathMean = RunningMean.create();

    public DenoiserAgreementAnalysis(Denoiser other) {
        this(other, Optional.empty());
    }

    public DenoiserAgreementAnalysis(Denoiser other, Optional<String> label) {
        this.other = other;
        this.metric = label.map(l -> "mse-" + l).orElse("mse");
    }

    @Override
    public String name() {
        return "denoiser-agreement";
    }

    @Override
    public void onBatchStep(BatchStep step) {
        if (!step.record()) {
            return;
        }
        Evaluation evaluation = step.last();
        averages.add(metric, RowGeometry.meanSquaredErrors(RowGeometry.cleanEstimate(evaluation.prediction()),
                RowGeometry.cleanEstimate(other.evaluate(evaluation.request()))));
    }

    @Override
    public void onStepEnd(int step, double t, boolean record, MetricSink sink) {
        if (record) {
            averages.emit(step, t, sink);
            pathMean.accept(averages.last(metric));
        }
    }

    @Override
    public void onRestored(String restored, long step, double t, double value) {
        // several agreement analyses share the name: each takes back only its own metric
        if (restored.equals(metric)) {
            averages.restore(restored, value);
            pathMean.accept(value);
        }
    }

    @Override
    public Map<String, Double> summary() {
        return Map.of(metric, pathMean.result());
    }
}
