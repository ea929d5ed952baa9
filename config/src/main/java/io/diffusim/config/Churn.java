package io.diffusim.config;

/**
 * EDM stochastic churn (docs/science.md §2.4): S_churn, the sigma window [S_min, S_max] (S_max may be
 * +infinity, written {@code null}) and S_noise; the defaults (0, 0, inf, 1) mean no churn.
 */
public record Churn(double sChurn, double sMin, double sMax, double sNoise) {

    /** No churn. */
    public static final Churn NONE = new Churn(0, 0, Double.POSITIVE_INFINITY, 1);
}
