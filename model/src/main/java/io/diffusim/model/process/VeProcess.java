package io.diffusim.model.process;

/**
 * Variance exploding {@code x = x_0 + sigma eps}: a = 1, b = sigma, time is sigma (docs/science.md §1.1).
 *
 * <p>Coefficients evaluate for any sigma >= 0 (EDM churn may step above sigma_max, grids end at 0);
 * {@link #tMin()} and {@link #tMax()} give the nominal range.
 */
public final class VeProcess implements ForwardProcess {

    private final double sigmaMin;
    private final double sigmaMax;

    public VeProcess(double sigmaMin, double sigmaMax) {
        this.sigmaMin = TimeDomain.requirePositive(sigmaMin, "sigmaMin");
        this.sigmaMax = TimeDomain.requirePositive(sigmaMax, "sigmaMax");
        if (sigmaMax <= sigmaMin) {
            throw new IllegalArgumentException("sigmaMax=" + sigmaMax + " must exceed sigmaMin=" + sigmaMin);
        }
    }

    /** The EDM range sigma in [0.002, 80]. */
    public static VeProcess edmDefaults() {
        return new VeProcess(0.002, 80);
    }

    @Override
    public double a(double sigma) {
        requireSigma(sigma);
        return 1;
    }

    @Override
    public double b(double sigma) {
        return requireSigma(sigma);
    }

    @Override
    public double aDot(double sigma) {
        requireSigma(sigma);
        return 0;
    }

    @Override
    public double bDot(double sigma) {
        requireSigma(sigma);
        return 1;
    }

    @Override
    public double tMin() {
        return sigmaMin;
    }

    @Override
    public double tMax() {
        return sigmaMax;
    }

    static double requireSigma(double sigma) {
        return TimeDomain.require(sigma, 0, Double.MAX_VALUE);
    }
}
