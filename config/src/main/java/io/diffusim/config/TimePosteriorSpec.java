package io.diffusim.config;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The quadrature of the noise-level posterior p(t | x_t) (docs/science.md §3.4, §6): prior over t, its
 * range ({@code null} ends = the process's own time domain), and the grid sizes of the two passes.
 *
 * @param prior {@code auto} is the process's natural prior (uniform; log-normal for EDM)
 * @param pMean mean of ln sigma for the log-normal prior (EDM: -1.2)
 * @param pStd standard deviation of ln sigma for the log-normal prior (EDM: 1.2)
 * @param grid points of the uniform first pass (G = 2000)
 * @param refineGrid points of the second pass around the mode (2001)
 */
public record TimePosteriorSpec(Prior prior, OptionalDouble tLo, OptionalDouble tHi, double pMean, double pStd,
        int grid, int refineGrid) {

    /** Prior over the noise level. */
    public enum Prior { AUTO, UNIFORM, LOG_NORMAL }

    public TimePosteriorSpec {
        Objects.requireNonNull(prior, "prior");
        Objects.requireNonNull(tLo, "tLo");
        Objects.requireNonNull(tHi, "tHi");
    }
}
