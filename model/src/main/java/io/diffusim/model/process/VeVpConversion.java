package io.diffusim.model.process;

/**
 * The VE-VP correspondence {@code x_VP = x_VE / sqrt(1 + sigma^2)}, {@code Abar = 1/(1 + sigma^2)},
 * {@code sigma = sqrt((1 - Abar)/Abar)} (docs/science.md §1.1, SMALLDIFF {@code sigmas_from_betas}).
 */
public final class VeVpConversion {

    private VeVpConversion() {
    }

    /** Abar = 1/(1 + sigma^2) for sigma >= 0. */
    public static double alphaBar(double sigma) {
        requireSigma(sigma);
        return 1 / (1 + sigma * sigma);
    }

    /** sigma = sqrt((1 - Abar)/Abar) for Abar in (0, 1]. */
    public static double sigma(double alphaBar) {
        if (!(alphaBar > 0 && alphaBar <= 1)) {
            throw new IllegalArgumentException("alphaBar must lie in (0, 1], got " + alphaBar);
        }
        return Math.sqrt((1 - alphaBar) / alphaBar);
    }

    /** The VE sigma of every entry of an Abar array. */
    public static double[] sigmas(double[] alphaBar) {
        double[] sigmas = new double[alphaBar.length];
        for (int i = 0; i < alphaBar.length; i++) {
            sigmas[i] = sigma(alphaBar[i]);
        }
        return sigmas;
    }

    /** The factor {@code 1/sqrt(1 + sigma^2)} taking a VE state at sigma to the VP state. */
    public static double veToVpScale(double sigma) {
        return Math.sqrt(alphaBar(sigma));
    }

    private static void requireSigma(double sigma) {
        if (!(sigma >= 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("sigma must be finite and >= 0, got " + sigma);
        }
    }
}
