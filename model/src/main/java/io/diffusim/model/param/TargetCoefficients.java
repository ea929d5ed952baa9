package io.diffusim.model.param;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The coefficients (c, d) of a regression target {@code r = c x_0 + d eps}, whose posterior mean is the
 * effective target {@code R = c x0-hat + d eps-hat} (docs/science.md §1.4, NOCOND table).
 */
public record TargetCoefficients(double c, double d) {

    public TargetCoefficients {
        if (!Double.isFinite(c) || !Double.isFinite(d)) {
            throw new IllegalArgumentException("target coefficients must be finite, got c=" + c + ", d=" + d);
        }
    }

    /** eps-prediction (iDDPM / DDIM): c = 0, d = 1. */
    public static TargetCoefficients epsPrediction() {
        return new TargetCoefficients(0, 1);
    }

    /** Flow matching {@code eps - x0}: c = -1, d = 1. */
    public static TargetCoefficients flowMatching() {
        return new TargetCoefficients(-1, 1);
    }

    /**
     * EDM raw network F at t = sigma: {@code c = sigma/(sigma_d sqrt(sigma^2 + sigma_d^2))},
     * {@code d = -sigma_d/sqrt(sigma^2 + sigma_d^2)}, read off the preconditioning.
     */
    public static TargetCoefficients edmNetwork(double sigma, double sigmaData) {
        return new EdmPreconditioning(sigmaData).targetCoefficients(sigma);
    }

    /** {@code c x0 + d eps} for a batch at one time; inputs are not mutated. */
    public INDArray target(INDArray x0, INDArray eps) {
        return x0.mul(c).addi(eps.mul(d));
    }
}
