package io.diffusim.model.posterior;

/**
 * Closed-form Laplace approximation of p(t | z) for a single data point x (docs/science.md §6.1, §6.3): the mode,
 * the variance from the curvature, and the delta-method effective-target error E ≈ ||z - x||^2 Var[1/t].
 */
public final class SinglePointLaplace {

    /** Mode, approximate variance and approximate effective-target error. */
    public record Estimate(double mode, double variance, double effectiveTargetError) {
    }

    private SinglePointLaplace() {
    }

    /**
     * Flow matching z = (1-t) x + t eps, uniform t: with A = ||z - x||^2, B = <z - x, x>,
     * t-hat = (B + sqrt(B^2 + 4AD)) / (2D), Var ≈ t-hat^3 / (2D t-hat - B), E ≈ A / (A + D t-hat^2).
     */
    public static Estimate flowMatching(double a, double b, int dimension) {
        requireSquaredDistance(a);
        double d = requireDimension(dimension);
        double mode = (b + Math.sqrt(b * b + 4 * a * d)) / (2 * d);
        double variance = mode * mode * mode / (2 * d * mode - b);
        return new Estimate(mode, variance, a / (a + d * mode * mode));
    }

    /** Flow matching from the noisy point z and the data point x. */
    public static Estimate flowMatching(double[] z, double[] x) {
        double a = 0;
        double b = 0;
        for (int i = 0; i < requireSameLength(z, x); i++) {
            double r = z[i] - x[i];
            a += r * r;
            b += r * x[i];
        }
        return flowMatching(a, b, z.length);
    }

    /**
     * Variance exploding x_sigma = x + sigma eps, uniform sigma: sigma-hat = sqrt(A / D), Var ≈ sigma-hat^2 / (2D),
     * and for the eps target R = (x_sigma - x)/sigma, E ≈ A Var / sigma-hat^4 = 1/2.
     */
    public static Estimate varianceExploding(double a, int dimension) {
        requireSquaredDistance(a);
        double d = requireDimension(dimension);
        double mode = Math.sqrt(a / d);
        double variance = mode * mode / (2 * d);
        return new Estimate(mode, variance, a * variance / Math.pow(mode, 4));
    }

    /** Variance exploding from the noisy point and the data point. */
    public static Estimate varianceExploding(double[] noisy, double[] x) {
        double a = 0;
        for (int i = 0; i < requireSameLength(noisy, x); i++) {
            a += (noisy[i] - x[i]) * (noisy[i] - x[i]);
        }
        return varianceExploding(a, noisy.length);
    }

    private static void requireSquaredDistance(double a) {
        if (!(a > 0) || !Double.isFinite(a)) {
            throw new IllegalArgumentException("A = ||z - x||^2 must be finite and > 0, got " + a);
        }
    }

    private static double requireDimension(int dimension) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be >= 1, got " + dimension);
        }
        return dimension;
    }

    private static int requireSameLength(double[] z, double[] x) {
        if (z.length != x.length) {
            throw new IllegalArgumentException("points differ in dimension: " + z.length + " vs " + x.length);
        }
        return z.length;
    }
}
