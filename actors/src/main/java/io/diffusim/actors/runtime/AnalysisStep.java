package io.diffusim.actors.runtime;

import io.diffusim.actors.store.MetricRecord;
import io.diffusim.analysis.run.BatchStep;
import io.diffusim.analysis.run.MetricSink;
import io.diffusim.analysis.run.RunAnalysis;
import io.diffusim.sampling.SamplerState;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** A run's analyses fed as {@code LocalRun} feeds them: each batch of a whole step in order, then the step's end. */
final class AnalysisStep {

    private static final MetricSink DISCARD = (analysis, metric, step, t, value) -> { };

    private AnalysisStep() {
    }

    /** @param steps the step of every batch that took it, in batch order; returns the records the step made */
    static List<MetricRecord> run(List<RunAnalysis> analyses, List<BatchStep> steps) {
        for (BatchStep step : steps) {
            analyses.forEach(analysis -> analysis.onBatchStep(step));
        }
        BatchStep first = steps.get(0);
        CollectedMetrics sink = new CollectedMetrics();
        for (RunAnalysis analysis : analyses) {
            analysis.onStepEnd(first.step(), first.t(), first.record(), sink);
        }
        return sink.records();
    }

    /**
     * Brings fresh analyses of a resumed run to its checkpoints: first each analysis is handed its own records of
     * the steps before them ({@code restored}, in record order) for its summaries over the path; then batch b's steps before {@code firstSteps[b]} are
     * fed again as unrecorded steps that carry only the batch's particle ids, so an analysis that follows its own
     * trajectory on the run's noise (paired) retakes those steps exactly, and nothing is recorded. The analyses read
     * a step's states only when it is recorded.
     */
    static void catchUp(List<RunAnalysis> analyses, List<MetricRecord> restored, List<long[]> particles, int[] firstSteps) {
        for (MetricRecord record : restored) {
            analyses.stream().filter(a -> a.name().equals(record.analysis()))
                    .forEach(a -> a.onRestored(record.metric(), record.step(), record.t(), record.value()));
        }
        int until = Arrays.stream(firstSteps).max().orElse(0);
        for (int k = 0; k < until; k++) {
            for (int b = 0; b < particles.size(); b++) {
                if (k < firstSteps[b]) {
                    SamplerState ids = new SamplerState(null, particles.get(b), k, 0, 0, Map.of());
                    BatchStep step = new BatchStep(b, k, Double.NaN, ids, ids, List.of(), false);
                    analyses.forEach(analysis -> analysis.onBatchStep(step));
                }
            }
            for (RunAnalysis analysis : analyses) {
                analysis.onStepEnd(k, Double.NaN, false, DISCARD);
            }
        }
    }
}
