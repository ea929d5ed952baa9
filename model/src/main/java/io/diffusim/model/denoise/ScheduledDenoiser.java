package io.diffusim.model.denoise;

/**
 * A local denoiser whose mask follows a per-noise-level schedule (docs/science.md §3.6): PSPC-Square's patch size P,
 * PSPC-Flex's mass threshold tau. Runs record the value each step used as a metric.
 */
public interface ScheduledDenoiser extends Denoiser {

    /** The scheduled quantity as a metric name: {@code patch} or {@code tau}. */
    String scheduleMetric();

    /** The scheduled value for each row of the request, from its noise level {@code sigma = b / a}. */
    double[] scheduled(EvalRequest request);
}
