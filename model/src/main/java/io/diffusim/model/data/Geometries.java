package io.diffusim.model.data;

import io.diffusim.config.Geometry;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * The synthetic mixtures of docs/science.md §5.2 (equal weights): uniform-2d, sharpcov-2d, spiral-2d and the
 * D-dimensional hd-uniform, hd-sharpcov and thin-manifold; random parts come from the seed.
 */
public final class Geometries {

    private static final double GRID_SPACING = 4;
    private static final double GRID_VARIANCE = 0.25;
    private static final double SHARP_MINOR = 0.01;
    private static final int SPIRAL_COMPONENTS = 20;
    private static final double SPIRAL_VARIANCE = 0.05;
    private static final int HD_COMPONENTS = 10;
    private static final double HD_MEAN_STD = 2;
    private static final double HD_SMALLEST_EIGENVALUE = 1e-3;
    private static final double THIN_NORMAL_VARIANCE = 1e-4;

    private Geometries() {
    }

    /**
     * The mixture; {@code dim} is the ambient dimension of the high-dimensional geometries (ignored by the 2-D ones).
     * Draw order: sharpcov-2d all angles; hd-uniform all means; hd-sharpcov all means, then each basis;
     * thin-manifold the 2-column map.
     */
    public static GaussianMixture build(Geometry geometry, int dim, long seed) {
        if (geometry.highDimensional() && dim < 2) {
            throw new IllegalArgumentException("dimension of " + geometry + " must be >= 2, got " + dim);
        }
        SplittableRandom random = new SplittableRandom(seed);
        return switch (geometry) {
            case UNIFORM_2D -> grid(k -> GaussianMixture.isotropicCovariance(2, GRID_VARIANCE));
            case SHARPCOV_2D -> sharpGrid(Points.uniform(random, 9, 0, Math.PI));
            case SPIRAL_2D -> spiral();
            case HD_UNIFORM -> hdUniform(dim, random);
            case HD_SHARPCOV -> hdSharp(dim, random);
            case THIN_MANIFOLD -> thinManifold(dim, random);
        };
    }

    private static GaussianMixture grid(IntFunction<double[][]> covariance) {
        double[][] means = new double[9][];
        double[][][] covariances = new double[9][][];
        for (int k = 0; k < 9; k++) {
            means[k] = new double[] {GRID_SPACING * (k / 3 - 1), GRID_SPACING * (k % 3 - 1)};
            covariances[k] = covariance.apply(k);
        }
        return new GaussianMixture(equalWeights(9), means, covariances);
    }

    private static GaussianMixture sharpGrid(double[] angles) {
        return grid(k -> {
            double[][] rotation = {{Math.cos(angles[k])}, {Math.sin(angles[k])}};
            double[][] orthogonal = {{-Math.sin(angles[k])}, {Math.cos(angles[k])}};
            return sum(congruence(rotation, new double[] {1}), congruence(orthogonal, new double[] {SHARP_MINOR}));
        });
    }

    private static GaussianMixture spiral() {
        double[][] means = new double[SPIRAL_COMPONENTS][];
        double[][][] covariances = new double[SPIRAL_COMPONENTS][][];
        for (int k = 0; k < SPIRAL_COMPONENTS; k++) {
            double theta = 4 * Math.PI * k / (SPIRAL_COMPONENTS - 1);
            means[k] = new double[] {0.5 * theta * Math.cos(theta), 0.5 * theta * Math.sin(theta)};
            covariances[k] = GaussianMixture.isotropicCovariance(2, SPIRAL_VARIANCE);
        }
        return new GaussianMixture(equalWeights(SPIRAL_COMPONENTS), means, covariances);
    }

    private static GaussianMixture hdUniform(int dim, SplittableRandom random) {
        double[][] means = hdMeans(dim, random);
        double[][][] covariances = new double[HD_COMPONENTS][][];
        Arrays.setAll(covariances, k -> GaussianMixture.isotropicCovariance(dim, GRID_VARIANCE));
        return new GaussianMixture(equalWeights(HD_COMPONENTS), means, covariances);
    }

    private static GaussianMixture hdSharp(int dim, SplittableRandom random) {
        double[][] means = hdMeans(dim, random);
        // lambda log-spaced from 1 down to 1e-3
        double[] lambda = new double[dim];
        Arrays.setAll(lambda, i -> Math.pow(HD_SMALLEST_EIGENVALUE, i / (double) (dim - 1)));
        double[][][] covariances = new double[HD_COMPONENTS][][];
        for (int k = 0; k < HD_COMPONENTS; k++) {
            covariances[k] = congruence(RandomOrthogonal.columns(dim, dim, random), lambda);
        }
        return new GaussianMixture(equalWeights(HD_COMPONENTS), means, covariances);
    }

    private static GaussianMixture thinManifold(int dim, SplittableRandom random) {
        GaussianMixture plane = spiral();
        double[][] q = RandomOrthogonal.columns(dim, 2, random);
        double[][] means = new double[plane.components()][];
        double[][][] covariances = new double[plane.components()][][];
        for (int k = 0; k < plane.components(); k++) {
            means[k] = new double[dim];
            for (int i = 0; i < dim; i++) {
                means[k][i] = q[i][0] * plane.means()[k][0] + q[i][1] * plane.means()[k][1];
            }
            // Q Sigma Q^T + eps (I - Q Q^T) = Q (Sigma - eps I) Q^T + eps I, Sigma isotropic here
            double inPlane = plane.covariances()[k][0][0] - THIN_NORMAL_VARIANCE;
            covariances[k] = sum(congruence(q, new double[] {inPlane, inPlane}),
                    GaussianMixture.isotropicCovariance(dim, THIN_NORMAL_VARIANCE));
        }
        return new GaussianMixture(plane.weights(), means, covariances);
    }

    private static double[][] hdMeans(int dim, SplittableRandom random) {
        double[][] means = new double[HD_COMPONENTS][];
        for (int k = 0; k < HD_COMPONENTS; k++) {
            means[k] = Points.normal(random, dim, HD_MEAN_STD);
        }
        return means;
    }

    /** {@code U diag(s) U^T} for U {@code [d][m]}, exactly symmetric. */
    private static double[][] congruence(double[][] u, double[] s) {
        int d = u.length;
        double[][] c = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double v = 0;
                for (int m = 0; m < s.length; m++) {
                    v += u[i][m] * s[m] * u[j][m];
                }
                c[i][j] = v;
                c[j][i] = v;
            }
        }
        return c;
    }

    private static double[][] sum(double[][] a, double[][] b) {
        double[][] c = new double[a.length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                c[i][j] = a[i][j] + b[i][j];
            }
        }
        return c;
    }

    private static double[] equalWeights(int k) {
        double[] w = new double[k];
        Arrays.fill(w, 1.0 / k);
        return w;
    }
}
