package io.diffusim.model.process;

/**
 * The EDM network's input space {@code c_in(sigma)(x_0 + sigma eps)}: {@code a = 1/sqrt(sigma^2 + sigma_d^2)},
 * {@code b = sigma/sqrt(sigma^2 + sigma_d^2)}, time is sigma (docs/science.md §1.1, NOCOND table).
 *
 * <p>Variance preserving only for sigma_d = 1 (the uEDM input scaling).
 */
public final class EdmInputScaledProcess implements ForwardProcess {

    private final double sigmaData;
    private final double sigmaMin;
    private final double sigmaMax;

    public EdmInputScaledProcess(double sigmaData, double sigmaMin, double sigmaMax) {
        this.sigmaData = TimeDomain.requirePositive(sigmaData, "sigmaData");
        this.sigmaMin = TimeDomain.requirePositive(sigmaMin, "sigmaMin");
        this.sigmaMax = TimeDomain.requirePositive(sigmaMax, "sigmaMax");
        if (sigmaMax <= sigmaMin) {
            throw new IllegalArgumentException("sigmaMax=" + sigmaMax + " must exceed sigmaMin=" + sigmaMin);
        }
    }

    /** sigma_d = 0.5 over the EDM range [0.002, 80]. */
    public static EdmInputScaledProcess defaults() {
        return new EdmInputScaledProcess(0.5, 0.002, 80);
    }

    public double sigmaData() {
        return sigmaData;
    }

    @Override
    public double a(double sigma) {
        return 1 / Math.sqrt(sumSq(sigma));
    }

    @Override
    public double b(double sigma) {
        return sigma / Math.sqrt(sumSq(sigma));
    }

    /** {@code -sigma (sigma^2 + sigma_d^2)^(-3/2)}. */
    @Override
    public double aDot(double sigma) {
        double s = sumSq(sigma);
        return -sigma / (s * Math.sqrt(s));
    }

    /** {@code sigma_d^2 (sigma^2 + sigma_d^2)^(-3/2)}. */
    @Override
    public double bDot(double sigma) {
        double s = sumSq(sigma);
        return sigmaData * sigmaData / (s * Math.sqrt(s));
    }

    @Override
    public double tMin() {
        return sigmaMin;
    }

    @Override
    public double tMax() {
        return sigmaMax;
    }

    @Override
    public boolean variancePreserving() {
        return sigmaData == 1;
    }

    private double sumSq(double sigma) {
        VeProcess.requireSigma(sigma);
        return sigma * sigma + sigmaData * sigmaData;
    }
}
