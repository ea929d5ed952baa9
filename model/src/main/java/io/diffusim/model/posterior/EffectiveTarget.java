package io.diffusim.model.posterior;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The noise-unconditional effective target per row (docs/science.md §3.4): R(x_t) = sum_g w_g R(x_t | t_g) [B, D],
 * the effective-target error E(x_t) = sum_g w_g ||R(x_t | t_g) - R(x_t)||^2 [B, 1], and the posterior moments
 * of t behind the weights.
 */
public record EffectiveTarget(INDArray target, INDArray error, NoiseLevelMoments moments) {
}
