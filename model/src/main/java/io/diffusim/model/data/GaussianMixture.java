package io.diffusim.model.data;

import java.util.Arrays;

/**
 * A Gaussian mixture in R^D: weights (summing to 1), means {@code [K][D]} and full covariances
 * {@code [K][D][D]} (symmetric positive semi-definite). Isotropic and diagonal covariances are stored
 * as full matrices; {@link #isotropic()} and {@link #diagonal()} let consumers take fast paths.
 */
public record GaussianMixture(double[] weights, double[][] means, double[][][] covariances) {

    public GaussianMixture {
        if (weights.length == 0 || weights.length != means.length || weights.length != covariances.length) {
            throw new IllegalArgumentException("a mixture needs as many weights, means and covariances (got "
                    + weights.length + ", " + means.length + ", " + covariances.length + ")");
        }
        int d = means[0].length;
        double total = 0;
        for (int k = 0; k < weights.length; k++) {
            if (!(weights[k] >= 0) || !Double.isFinite(weights[k])) {
                throw new IllegalArgumentException("component " + k + " has weight " + weights[k] + "; weights must be finite and >= 0");
            }
            total += weights[k];
            if (means[k].length != d || covariances[k].length != d) {
                throw new IllegalArgumentException("component " + k + " does not have dimension " + d);
            }
            for (int i = 0; i < d; i++) {
                if (covariances[k][i].length != d) {
                    throw new IllegalArgumentException("covariance of component " + k + " is not " + d + "x" + d);
                }
                for (int j = 0; j < d; j++) {
                    if (Math.abs(covariances[k][i][j] - covariances[k][j][i]) > 1e-12 * (1 + Math.abs(covariances[k][i][j]))) {
                        throw new IllegalArgumentException("covariance of component " + k + " is not symmetric");
                    }
                }
            }
        }
        if (Math.abs(total - 1) > 1e-9) {
            throw new IllegalArgumentException("mixture weights sum to " + total + ", not 1");
        }
        weights = weights.clone();
    }

    /** Number of components K. */
    public int components() {
        return weights.length;
    }

    /** Dimension D. */
    public int dimension() {
        return means[0].length;
    }

    /** True when every covariance is diagonal. */
    public boolean diagonal() {
        for (double[][] c : covariances) {
            for (int i = 0; i < c.length; i++) {
                for (int j = 0; j < c.length; j++) {
                    if (i != j && c[i][j] != 0) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** True when every covariance is a multiple of the identity. */
    public boolean isotropic() {
        if (!diagonal()) {
            return false;
        }
        for (double[][] c : covariances) {
            for (int i = 1; i < c.length; i++) {
                if (c[i][i] != c[0][0]) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A covariance s*I of dimension d. */
    public static double[][] isotropicCovariance(int d, double variance) {
        double[] diag = new double[d];
        Arrays.fill(diag, variance);
        return diagonalCovariance(diag);
    }

    /** A diagonal covariance. */
    public static double[][] diagonalCovariance(double[] variances) {
        double[][] c = new double[variances.length][variances.length];
        for (int i = 0; i < variances.length; i++) {
            c[i][i] = variances[i];
        }
        return c;
    }
}
