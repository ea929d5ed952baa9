package io.diffusim.model.param;

/**
 * Noise-unconditional EDM (uEDM): EDM's c_skip with {@code c_out = 1}, {@code c_in = 1/sqrt(sigma^2 + 1)},
 * no noise input to F and {@code lambda = 1} (docs/science.md §1.5, NOCOND; lambda assumed so that lambda c_out^2 = 1).
 */
public record UedmPreconditioning(double sigmaData) implements Preconditioning {

    public UedmPreconditioning {
        if (!(sigmaData > 0) || !Double.isFinite(sigmaData)) {
            throw new IllegalArgumentException("sigmaData must be finite and > 0, got " + sigmaData);
        }
    }

    /** sigma_d = 0.5. */
    public static UedmPreconditioning defaults() {
        return new UedmPreconditioning(0.5);
    }

    @Override
    public double cSkip(double sigma) {
        return EdmPreconditioning.skipWeight(sigma, sigmaData);
    }

    @Override
    public double cOut(double sigma) {
        Preconditioning.requireNonNegative(sigma);
        return 1;
    }

    @Override
    public double cIn(double sigma) {
        Preconditioning.requireNonNegative(sigma);
        return 1 / Math.sqrt(sigma * sigma + 1);
    }

    @Override
    public boolean conditionsOnNoise() {
        return false;
    }

    @Override
    public double cNoise(double sigma) {
        throw new IllegalStateException("uEDM's network receives no noise input");
    }

    @Override
    public double lossWeight(double sigma) {
        Preconditioning.requirePositive(sigma);
        return 1;
    }
}
