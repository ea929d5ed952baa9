package io.diffusim.analysis.metric;

import io.diffusim.analysis.Matrices;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Exact 1-Wasserstein distance between two equal-size point sets with uniform weights and Euclidean cost,
 * {@code W1 = (1/N)·min_perm Σ_i ‖a_i − b_perm(i)‖} (docs/science.md §4.4).
 */
public final class Wasserstein1 {

    private Wasserstein1() {
    }

    /** W1 between {@code a [N, D]} and {@code b [N, D]} as float64 arrays. */
    public static double between(INDArray a, INDArray b) {
        return between(Matrices.toMatrix(a, "a"), Matrices.toMatrix(b, "b"));
    }

    /** W1 between {@code a [N][D]} and {@code b [N][D]}; unequal sizes or dimensions are rejected. */
    public static double between(double[][] a, double[][] b) {
        int d = Matrices.requireRectangular(a, "a");
        int db = Matrices.requireRectangular(b, "b");
        if (a.length != b.length) {
            throw new IllegalArgumentException("W1 with uniform weights needs equal set sizes, got "
                    + a.length + " and " + b.length + " points");
        }
        if (d != db) {
            throw new IllegalArgumentException("a has dimension " + d + " but b has dimension " + db);
        }
        double[][] cost = euclideanCost(a, b);
        return HungarianAssignment.totalCost(cost, HungarianAssignment.solve(cost)) / a.length;
    }

    /** The cost matrix {@code C_ij = ‖a_i − b_j‖₂}. */
    static double[][] euclideanCost(double[][] a, double[][] b) {
        double[][] cost = new double[a.length][b.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                double sum = 0.0;
                for (int k = 0; k < a[i].length; k++) {
                    double diff = a[i][k] - b[j][k];
                    sum += diff * diff;
                }
                cost[i][j] = Math.sqrt(sum);
            }
        }
        return cost;
    }
}
