package io.diffusim.analysis.run;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One analysis of a run (docs/spec-reference.md {@code analyses}): sees every batch step, closes each step with its
 * records, sees the final samples, and reports its summary values. Called from one thread, in step order.
 */
public interface RunAnalysis {

    /** The analysis kind as spelled in specs and summary keys, e.g. {@code kl}. */
    String name();

    /** One whole step of one batch. */
    default void onBatchStep(BatchStep step) {
    }

    /** Every batch has taken {@code step}; recorded steps emit their values here. */
    default void onStepEnd(int step, double t, boolean record, MetricSink sink) {
    }

    /**
     * A record this analysis made before its run was interrupted, replayed in record order when the run resumes
     * (before the steps it retakes), so that summaries over the whole path cover the steps before the checkpoint.
     */
    default void onRestored(String metric, long step, double t, double value) {
    }

    /** The final samples of every particle {@code [N, D]}, in particle order. */
    default void onFinish(INDArray samples, int finalStep, MetricSink sink) {
    }

    /** Summary values keyed by metric name without the analysis prefix (e.g. {@code kl}). */
    Map<String, Double> summary();
}
