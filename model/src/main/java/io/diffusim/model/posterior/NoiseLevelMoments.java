package io.diffusim.model.posterior;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Posterior moments of the noise level per row, each a [B, 1] column (docs/science.md §3.4): the coarse pass
 * (uniform grid over the prior's support) and the refined pass (window around the coarse estimate), which must
 * agree wherever the coarse grid resolves the peak. {@link #mean()} and {@link #variance()} are the refined ones.
 */
public record NoiseLevelMoments(INDArray coarseMean, INDArray coarseVariance, INDArray mean, INDArray variance) {
}
