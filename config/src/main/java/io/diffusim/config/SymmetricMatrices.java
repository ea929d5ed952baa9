package io.diffusim.config;

import java.util.List;

/** Checks that a covariance matrix is symmetric positive semi-definite, as docs/science.md §3.1 requires of Sigma_k. */
final class SymmetricMatrices {

    /** Relative asymmetry tolerated (values typed twice by hand agree exactly; computed ones nearly). */
    private static final double SYMMETRY_TOL = 1e-9;
    /** Diagonal jitter, relative to the largest diagonal entry, that lets singular PSD matrices factor. */
    private static final double JITTER = 1e-9;

    private SymmetricMatrices() {
    }

    /** True when the square matrix is symmetric and Cholesky of {@code Sigma + jitter I} succeeds. */
    static boolean isPositiveSemiDefinite(List<List<Double>> rows) {
        int d = rows.size();
        double scale = Double.MIN_NORMAL;
        for (int i = 0; i < d; i++) {
            scale = Math.max(scale, Math.abs(rows.get(i).get(i)));
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < i; j++) {
                if (Math.abs(rows.get(i).get(j) - rows.get(j).get(i)) > SYMMETRY_TOL * scale) {
                    return false;
                }
            }
        }
        double[][] lower = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = rows.get(i).get(j) + (i == j ? JITTER * scale : 0);
                for (int k = 0; k < j; k++) {
                    sum -= lower[i][k] * lower[j][k];
                }
                if (i == j) {
                    if (!(sum > 0)) {
                        return false;
                    }
                    lower[i][i] = Math.sqrt(sum);
                } else {
                    lower[i][j] = sum / lower[j][j];
                }
            }
        }
        return true;
    }
}
