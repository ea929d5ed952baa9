package io.diffusim.analysis.run.analyses;

import io.diffusim.analysis.RunningMean;
import io.diffusim.analysis.run.BatchStep;
import io.diffusim.analysis.run.Evaluation;
import io.diffusim.analysis.run.MetricSink;
import io.diffusim.analysis.run.RunAnalysis;
import io.diffusim.model.denoise.Denoiser;
import java.util.Map;

/**
 * Agreement of a second denoiser with the run's along the run's own path: at each recorded step the
 * second model answers the run's last evaluation request and {@code mse} is the mean over particles and
 * coordinates of the squared difference of the two clean-point estimates; the summary is its mean over
 * the path.
 */
public final class DenoiserAgreementAnalysis implements RunAnalysis {

    private final Denoiser other;
    private final StepAverages averages = new StepAverages(name());
    private final RunningMean pathMean = RunningMean.create();

    public DenoiserAgreementAnalysis(Denoiser other) {
        this.other = other;
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
        averages.add("mse", RowGeometry.meanSquaredErrors(RowGeometry.cleanEstimate(evaluation.prediction()),
                RowGeometry.cleanEstimate(other.evaluate(evaluation.request()))));
    }

    @Override
    public void onStepEnd(int step, double t, boolean record, MetricSink sink) {
        if (record) {
            averages.emit(step, t, sink);
            pathMean.accept(averages.last("mse"));
        }
    }

    @Override
    public void onRestored(String metric, long step, double t, double value) {
        averages.restore(metric, value);
        if (metric.equals("mse")) {
            pathMean.accept(value);
        }
    }

    @Override
    public Map<String, Double> summary() {
        return Map.of("mse", pathMean.result());
    }
}
