package io.diffusim.analysis.metric;

import io.diffusim.analysis.Matrices;
import io.diffusim.analysis.neighbour.KdTree;
import io.diffusim.analysis.neighbour.Metric;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The k-nearest-neighbour KL divergence estimate {@code KL(p‖q)} of NPEET {@code kldiv}, exactly as docs/science.md §7.5
 * states it: {@code (ln m − ln(n−1) + d·mean ln ν − d·mean ln ρ) / ln base} with Chebyshev distances.
 *
 * <p>{@code X} (n points) samples p, usually the data; {@code Y} (m points) samples q, usually the model. A
 * duplicated point in X gives ρ = 0 and hence +∞, exactly as NumPy's logarithm does in the reference.
 */
public final class KnnKl {

    /** Default neighbour rank (AIS template). */
    public static final int DEFAULT_K = 5;
    /** Default logarithm base: results in bits. */
    public static final double DEFAULT_BASE = 2.0;

    private KnnKl() {
    }

    /** {@code KL(X‖Y)} in bits with k = 5. */
    public static double estimate(double[][] x, double[][] y) {
        return estimate(x, y, DEFAULT_K, DEFAULT_BASE);
    }

    /** {@code KL(X‖Y)} for float64 {@code [n, d]} and {@code [m, d]} arrays. */
    public static double estimate(INDArray x, INDArray y, int k, double base) {
        return estimate(Matrices.toMatrix(x, "x"), Matrices.toMatrix(y, "y"), k, base);
    }

    /** {@code KL(X‖Y)} with neighbour rank {@code k < min(n, m)} and logarithm {@code base} (> 0, ≠ 1). */
    public static double estimate(double[][] x, double[][] y, int k, double base) {
        int d = Matrices.requireRectangular(x, "x");
        int dy = Matrices.requireRectangular(y, "y");
        if (d != dy) {
            throw new IllegalArgumentException("x has dimension " + d + " but y has dimension " + dy);
        }
        int n = x.length;
        int m = y.length;
        if (k < 1 || k >= Math.min(n, m)) {
            throw new IllegalArgumentException("k = " + k + " must satisfy 1 <= k < min(n, m) = " + Math.min(n, m));
        }
        if (!(base > 0.0) || base == 1.0 || Double.isInfinite(base)) {
            throw new IllegalArgumentException("base = " + base + " must be positive, finite and != 1");
        }
        double constant = Math.log(m) - Math.log(n - 1);
        // k+1 neighbours in X: the first is X_i itself (or a duplicate, at the same distance 0).
        double[][] withinX = KdTree.build(x, Metric.CHEBYSHEV).nearestDistances(x, k + 1);
        double[][] toY = KdTree.build(y, Metric.CHEBYSHEV).nearestDistances(x, k);
        double meanLogRho = meanLogOfColumn(withinX, k);
        double meanLogNu = meanLogOfColumn(toY, k - 1);
        return (constant + d * meanLogNu - d * meanLogRho) / Math.log(base);
    }

    private static double meanLogOfColumn(double[][] distances, int column) {
        double sum = 0.0;
        for (double[] row : distances) {
            sum += Math.log(row[column]);
        }
        return sum / distances.length;
    }
}
