package io.diffusim.model.data;

import java.util.SplittableRandom;

/**
 * k Haar-random orthonormal columns in R^d: Gram-Schmidt (run twice for round-off) on a Gaussian matrix, which equals
 * QR with a positive diagonal of R (docs/science.md §5.2).
 */
final class RandomOrthogonal {

    private RandomOrthogonal() {
    }

    /** {@code [d][k]} with orthonormal columns; the Gaussian matrix is drawn row by row. */
    static double[][] columns(int d, int k, SplittableRandom random) {
        if (k < 1 || k > d) {
            throw new IllegalArgumentException("need 1 <= k <= d orthonormal columns, got k=" + k + ", d=" + d);
        }
        double[][] q = new double[k][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < k; j++) {
                q[j][i] = random.nextGaussian();
            }
        }
        for (int j = 0; j < k; j++) {
            for (int pass = 0; pass < 2; pass++) {
                for (int p = 0; p < j; p++) {
                    double dot = dot(q[p], q[j]);
                    for (int i = 0; i < d; i++) {
                        q[j][i] -= dot * q[p][i];
                    }
                }
            }
            double norm = Math.sqrt(dot(q[j], q[j]));
            for (int i = 0; i < d; i++) {
                q[j][i] /= norm;
            }
        }
        double[][] columns = new double[d][k];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < k; j++) {
                columns[i][j] = q[j][i];
            }
        }
        return columns;
    }

    private static double dot(double[] u, double[] v) {
        double s = 0;
        for (int i = 0; i < u.length; i++) {
            s += u[i] * v[i];
        }
        return s;
    }
}
