package io.diffusim.analysis.run.analyses;

import io.diffusim.analysis.run.BatchStep;
import io.diffusim.analysis.run.MetricSink;
import io.diffusim.analysis.run.RunAnalysis;
import io.diffusim.model.denoise.ScheduledDenoiser;
import java.util.Map;

/**
 * The mask a scheduled local denoiser used at each recorded step (docs/science.md §3.6): PSPC-Square's patch size
 * ({@code patch-schedule.patch}) or PSPC-Flex's tau ({@code patch-schedule.tau}), the mean over the step's last
 * evaluation of every particle (a sampler's batch shares one noise level, so it is that level's value). Added to a
 * run by itself whenever its model is one; it has no summary.
 */
public final class MaskScheduleAnalysis implements RunAnalysis {

    private final ScheduledDenoiser denoiser;
    private final StepAverages averages = new StepAverages(name());

    public MaskScheduleAnalysis(ScheduledDenoiser denoiser) {
        this.denoiser = denoiser;
    }

    @Override
    public String name() {
        return "patch-schedule";
    }

    @Override
    public void onBatchStep(BatchStep step) {
        if (!step.record()) {
            return;
        }
        double[] values = denoiser.scheduled(step.last().request());
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        averages.add(denoiser.scheduleMetric(), sum, values.length);
    }

    @Override
    public void onStepEnd(int step, double t, boolean record, MetricSink sink) {
        if (record) {
            averages.emit(step, t, sink);
        }
    }

    @Override
    public Map<String, Double> summary() {
        return Map.of();
    }
}
