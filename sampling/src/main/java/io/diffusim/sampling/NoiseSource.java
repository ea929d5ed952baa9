package io.diffusim.sampling;

import io.diffusim.model.host.HostRows;
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

    /**
     * The same draws as {@link #gaussian} as row-major Java values, a fresh array: for an update computed on the host
     * (the same bits either way).
     */
    default double[] gaussianValues(long[] particles, int dim, int step, int subStep) {
        return HostRows.read(gaussian(particles, dim, step, subStep));
    }

    /** Uniform draws on [0, 1), one row per particle id, {@code [particles.length, dim]}, float64. */
    INDArray uniform(long[] particles, int dim, int step, int subStep);
}
