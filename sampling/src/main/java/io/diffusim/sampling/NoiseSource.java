package io.diffusim.sampling;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Counter-based randomness (docs/architecture.md §2): every draw is a pure function of
 * (run seed, particle index in the whole run, step, sub-step, coordinate), so results do not depend
 * on batch size, placement, pauses or restarts, and two trajectories on the same source consume
 * identical draws.
 */
public interface NoiseSource {

    /** Standard normal draws, one row per particle id, {@code [particles.length, dim]}, float64. */
    INDArray gaussian(long[] particles, int dim, int step, int subStep);

    /** Uniform draws on [0, 1), one row per particle id, {@code [particles.length, dim]}, float64. */
    INDArray uniform(long[] particles, int dim, int step, int subStep);
}
