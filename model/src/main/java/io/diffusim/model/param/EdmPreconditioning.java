package io.diffusim.model.param;

/**
 * EDM preconditioning: {@code c_skip = sigma_d^2/(sigma^2+sigma_d^2)},
 * {@code c_out = sigma sigma_d/sqrt(sigma^2+sigma_d^2)}, {@code c_in = 1/sqrt(sigma^2+sigma_d^2)},
 * {@code c_noise = ln(sigma)/4}, {@code lambda = (sigma^2+sigma_d^2)/(sigma sigma_d)^2} (docs/science.md §1.5, EDM).
 */
public record EdmPreconditioning(double sigmaData) implements Preconditioning {

    public EdmPreconditioning {
        if (!(sigmaData > 0) || !Double.isFinite(sigmaData)) {
            throw new IllegalArgumentException("sigmaData must be finite and > 0, got " + sigmaData);
        }
    }

    /** sigma_d = 0.5. */
    public static EdmPreconditioning defaults() {
        return new EdmPreconditioning(0.5);
    }

    @Override
    public double cSkip(double sigma) {
        return skipWeight(sigma, sigmaData);
    }

    /** {@code c_skip = sigma_d^2/(sigma^2 + sigma_d^2)}, shared with {@link UedmPreconditioning}. */
    static double skipWeight(double sigma, double sigmaData) {
        Preconditioning.requireNonNegative(sigma);
        return sigmaData * sigmaData / (sigma * sigma + sigmaData * sigmaData);
    }

    @Override
    public double cOut(double sigma) {
        return sigma * sigmaData / Math.sqrt(sumSq(sigma));
    }

    @Override
    public double cIn(double sigma) {
        return 1 / Math.sqrt(sumSq(sigma));
    }

    @Override
    public boolean conditionsOnNoise() {
        return true;
    }

    @Override
    public double cNoise(double sigma) {
        return 0.25 * Math.log(Preconditioning.requirePositive(sigma));
    }

    @Override
    public double lossWeight(double sigma) {
        double scale = Preconditioning.requirePositive(sigma) * sigmaData;
        return sumSq(sigma) / (scale * scale);
    }

    private double sumSq(double sigma) {
        Preconditioning.requireNonNegative(sigma);
        return sigma * sigma + sigmaData * sigmaData;
    }
}
