package io.diffusim.sampling.bound;

/**
 * The coefficients of one sampler step in the generic linear form x_{i+1} = kappa x_i + eta R(x_i) + zeta eps_i,
 * R the raw network output (docs/science.md §2.8 table); A denotes Abar, with A_{i+1} > A_i.
 */
public record LinearStepCoefficients(double kappa, double eta, double zeta) {

    /** EDM data standard deviation sigma_d used by the EDM preconditioning (docs/science.md §1.5). */
    public static final double EDM_SIGMA_DATA = 0.5;

    /** DDPM ancestral step with an eps-model from Abar = aCurrent to Abar = aNext. */
    public static LinearStepCoefficients ddpm(double aCurrent, double aNext) {
        requireAlphaBars(aCurrent, aNext);
        double kappa = Math.sqrt(aNext / aCurrent);
        double eta = (Math.sqrt(aCurrent / aNext) - Math.sqrt(aNext / aCurrent)) / Math.sqrt(1 - aCurrent);
        double zeta = Math.sqrt((1 - aCurrent / aNext) * (1 - aNext) / (1 - aCurrent));
        return new LinearStepCoefficients(kappa, eta, zeta);
    }

    /** Deterministic DDIM step with an eps-model from Abar = aCurrent to Abar = aNext. */
    public static LinearStepCoefficients ddim(double aCurrent, double aNext) {
        requireAlphaBars(aCurrent, aNext);
        double kappa = Math.sqrt(aNext / aCurrent);
        return new LinearStepCoefficients(kappa, Math.sqrt(1 - aNext) - kappa * Math.sqrt(1 - aCurrent), 0);
    }

    /** EDM Euler step on the input-scaled state x = c_in y with the raw network F. */
    public static LinearStepCoefficients edmEuler(double sigmaData, double tCurrent, double tNext) {
        double sdSq = sigmaData * sigmaData;
        double cSkip = sdSq / (tCurrent * tCurrent + sdSq);
        double cOut = tCurrent * sigmaData / Math.sqrt(tCurrent * tCurrent + sdSq);
        return preconditionedEuler(tCurrent, tNext, cSkip, cOut,
                1 / Math.sqrt(tCurrent * tCurrent + sdSq), 1 / Math.sqrt(tNext * tNext + sdSq));
    }

    /** Flow-matching Euler step with the velocity model u. */
    public static LinearStepCoefficients flowMatchingEuler(double tCurrent, double tNext) {
        return new LinearStepCoefficients(1, -(tCurrent - tNext), 0);
    }

    /**
     * General preconditioned Euler (covers EDM and uEDM) in the scaled state x_i = c_in(t_i) y_i:
     * kappa = (c_in(t') / c_in(t)) [1 - (t - t')(1 - c_skip(t)) / t], eta = c_in(t') (t - t') c_out(t) / t.
     */
    public static LinearStepCoefficients preconditionedEuler(double tCurrent, double tNext, double cSkip, double cOut,
            double cInCurrent, double cInNext) {
        if (!(tCurrent > tNext) || !(tNext >= 0)) {
            throw new IllegalArgumentException("need t_i > t_{i+1} >= 0, got " + tCurrent + " -> " + tNext);
        }
        double dt = tCurrent - tNext;
        double kappa = cInNext / cInCurrent * (1 - dt * (1 - cSkip) / tCurrent);
        return new LinearStepCoefficients(kappa, cInNext * dt * cOut / tCurrent, 0);
    }

    private static void requireAlphaBars(double aCurrent, double aNext) {
        if (!(aCurrent > 0 && aCurrent < 1 && aNext > aCurrent && aNext <= 1)) {
            throw new IllegalArgumentException("need 0 < Abar_i < Abar_{i+1} <= 1 with Abar_i < 1, got "
                    + aCurrent + " -> " + aNext);
        }
    }
}
