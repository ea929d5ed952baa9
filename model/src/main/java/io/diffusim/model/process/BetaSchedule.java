package io.diffusim.model.process;

/**
 * A discrete VP noise schedule over chain indices {@code t = 0..T-1}: betas and the cumulative products
 * {@code Abar_t = prod_{s<=t} (1 - beta_s)} (docs/science.md §1.2).
 *
 * <p>Every accessor returns a fresh array, so callers may keep or modify it.
 */
public sealed interface BetaSchedule
        permits LinearBetaSchedule, QuadraticBetaSchedule, CosineBetaSchedule, LogLinearSigmaSchedule {

    /** Chain length T. */
    int timesteps();

    /** beta_t for t = 0..T-1, each in (0, 1). */
    double[] betas();

    /** Abar_t for t = 0..T-1, the running product of {@code 1 - beta}. */
    default double[] alphaBar() {
        double[] betas = betas();
        double[] alphaBar = new double[betas.length];
        double product = 1;
        for (int t = 0; t < betas.length; t++) {
            product *= 1 - betas[t];
            alphaBar[t] = product;
        }
        return alphaBar;
    }

    /** Rejects a chain shorter than two steps (a one-step linear ramp divides by T - 1 = 0). */
    static int requireTimesteps(int timesteps) {
        if (timesteps < 2) {
            throw new IllegalArgumentException("timesteps must be >= 2, got " + timesteps);
        }
        return timesteps;
    }

    /** Rejects a beta endpoint outside (0, 1). */
    static double requireBeta(double beta, String name) {
        if (!(beta > 0 && beta < 1)) {
            throw new IllegalArgumentException(name + " must lie in (0, 1), got " + beta);
        }
        return beta;
    }
}
