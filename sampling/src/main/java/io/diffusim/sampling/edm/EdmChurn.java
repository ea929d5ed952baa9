package io.diffusim.sampling.edm;

/**
 * The stochastic "churn" options of the EDM sampler (docs/science.md §2.4): gamma_i =
 * min(S_churn / N, sqrt 2 - 1) for t_i in [S_min, S_max], noise inflation S_noise.
 */
public record EdmChurn(double sChurn, double sMin, double sMax, double sNoise) {

    /** Deterministic sampling: S_churn = 0, S_min = 0, S_max = infinity, S_noise = 1. */
    public static final EdmChurn NONE = new EdmChurn(0, 0, Double.POSITIVE_INFINITY, 1);

    public EdmChurn {
        if (!(sChurn >= 0) || !Double.isFinite(sChurn)) {
            throw new IllegalArgumentException("S_churn must be finite and >= 0, got " + sChurn);
        }
        if (!(sMin >= 0) || !(sMax >= sMin)) {
            throw new IllegalArgumentException("need 0 <= S_min <= S_max, got S_min = " + sMin + ", S_max = " + sMax);
        }
        if (!(sNoise >= 0) || !Double.isFinite(sNoise)) {
            throw new IllegalArgumentException("S_noise must be finite and >= 0, got " + sNoise);
        }
    }

    /** gamma_i for time t_i on a grid of n steps. */
    public double gamma(double t, int n) {
        return t >= sMin && t <= sMax ? Math.min(sChurn / n, Math.sqrt(2) - 1) : 0;
    }
}
