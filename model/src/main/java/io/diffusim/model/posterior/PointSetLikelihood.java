package io.diffusim.model.posterior;

import io.diffusim.model.Matmul;
import io.diffusim.model.data.Dataset;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Weighted point set sum_j pi_j delta(x^(j)) (a single point when n = 1) under x_t = a x_0 + b eps:
 * ln p(x_t) = LSE_j[ln pi_j - ||x_t - a x^(j)||^2 / (2 b^2)] - D ln b - (D/2) ln 2 pi (docs/science.md §3.2, §3.4).
 *
 * <p>The square is expanded as ||x_t||^2 - 2a <x_t, x^(j)> + a^2 ||x^(j)||^2, so the Gram matrix G = X_t X^T of
 * {@link #prepare} serves every (a, b): a node's log-terms, already shifted, are a/b^2 G plus a row and a column
 * term, then one exp, and posterior means are kept as weights on the points until {@link Rows#meanSum()} applies
 * them in one mmul.
 */
public final class PointSetLikelihood implements DataLikelihood {

    private static final double LN_2PI = Math.log(2 * Math.PI);

    private final INDArray points;
    private final INDArray squaredNorms;
    /** ln pi_j as a row [1, n], or null when uniform (then ln(1/n) is a constant per pair). */
    private final INDArray lnWeights;
    private final double lnUniformWeight;
    /** The data Gram K = X X^T when n <= D, where ||sum_j w_j x_j||^2 = w K w^T is the cheaper form. */
    private final INDArray pointGram;
    private final INDArray ones;

    private PointSetLikelihood(INDArray points, double[] weights) {
        if (points.rank() != 2 || points.rows() != weights.length || weights.length == 0) {
            throw new IllegalArgumentException("need an [n, D] point matrix with n = " + weights.length + " weights");
        }
        double[] lnW = new double[weights.length];
        boolean uniform = true;
        for (int j = 0; j < weights.length; j++) {
            if (!(weights[j] > 0) || !Double.isFinite(weights[j])) {
                throw new IllegalArgumentException("point " + j + " has weight " + weights[j] + "; weights must be finite and > 0");
            }
            lnW[j] = Math.log(weights[j]);
            uniform &= weights[j] == weights[0];
        }
        int n = weights.length;
        this.points = points.castTo(DataType.DOUBLE).dup();
        this.squaredNorms = this.points.mul(this.points).sum(true, 1).reshape(1, n);
        this.lnUniformWeight = uniform ? -Math.log(n) : 0;
        this.pointGram = n <= points.columns() ? Matmul.timesTransposed(this.points, this.points) : null;
        this.ones = Nd4j.ones(DataType.DOUBLE, n, 1);
        this.lnWeights = uniform ? null : Nd4j.createFromArray(lnW).reshape(1, n);
    }

    /** Equal weights 1/n. */
    public static PointSetLikelihood uniform(INDArray points) {
        double[] w = new double[(int) points.rows()];
        Arrays.fill(w, 1.0 / w.length);
        return new PointSetLikelihood(points, w);
    }

    /** The points of a data set with equal weights. */
    public static PointSetLikelihood of(Dataset dataset) {
        return uniform(dataset.points());
    }

    /** Given weights pi_j (> 0; normalised here). */
    public static PointSetLikelihood weighted(INDArray points, double[] weights) {
        double total = Arrays.stream(weights).sum();
        return new PointSetLikelihood(points, Arrays.stream(weights).map(w -> w / total).toArray());
    }

    /** One data point x (docs/science.md §6.1). */
    public static PointSetLikelihood singlePoint(double[] x) {
        return uniform(Nd4j.createFromArray(x).reshape(1, x.length));
    }

    /** The points [n, D] (read-only). */
    public INDArray points() {
        return points;
    }

    @Override
    public int dimension() {
        return (int) points.columns();
    }

    @Override
    public long pairCost(boolean withMean) {
        // logits and Gram rows; with the mean also the scratch, the weights on the points and ||sum_j w_j x_j||^2
        long n = points.rows();
        return withMean ? 4 * n + Math.min(n, points.columns()) : 2 * n;
    }

    @Override
    public Rows prepare(INDArray x) {
        if (x.columns() != points.columns()) {
            throw new IllegalArgumentException("rows have dimension " + x.columns() + ", data " + points.columns());
        }
        INDArray rows = x.castTo(DataType.DOUBLE);
        return new PointSetRows(this, rows, Matmul.timesTransposed(rows, points), rows.mul(rows).sum(true, 1));
    }

    /** Per-pair terms that do not depend on j: -||x||^2/(2b^2) - D ln b - (D/2) ln 2 pi (+ ln(1/n) if uniform). */
    INDArray pairConstant(INDArray rowSq, double b) {
        return rowSq.mul(-0.5 / (b * b)).addi(lnUniformWeight - dimension() * (Math.log(b) + 0.5 * LN_2PI));
    }

    /** As above for per-pair b [M, 1] and row norms repeated to [M, 1] (consumed). */
    INDArray pairConstant(INDArray repeatedRowSq, INDArray b) {
        INDArray logB = Transforms.log(b, true);
        return repeatedRowSq.divi(b.mul(b)).muli(-0.5).subi(logB.muli(dimension()))
                .addi(lnUniformWeight - 0.5 * dimension() * LN_2PI);
    }

    /** Adds quadratic ||x_j||^2 + ln pi_j to every row of {@code terms [M, n]} in place, for one shared coefficient. */
    INDArray addPointTerms(INDArray terms, double quadratic) {
        INDArray row = squaredNorms.mul(quadratic);
        return terms.addiRowVector(lnWeights == null ? row : row.addi(lnWeights));
    }

    /** The same with per-pair coefficients {@code quadratics [M, 1]} (a rank-1 update). */
    INDArray addPointTerms(INDArray terms, INDArray quadratics) {
        Nd4j.gemm(quadratics, squaredNorms, terms, false, false, 1.0, 1.0);
        return lnWeights == null ? terms : terms.addiRowVector(lnWeights);
    }

    /** Row sums of {@code terms [M, n]} (fresh) by one matrix-vector product. */
    INDArray rowSums(INDArray terms) {
        return terms.columns() == 1 ? terms.dup() : Matmul.times(terms, ones);
    }

    /** ||sum_j w_j x_j||^2 per row of weights {@code w [M, n]}. */
    INDArray squaredNormOfCombination(INDArray w) {
        if (pointGram != null) {
            return rowSums(Matmul.times(w, pointGram).muli(w));
        }
        INDArray combination = Matmul.times(w, points);
        return combination.muli(combination).sum(true, 1);
    }

    /** Each row repeated {@code times} times consecutively (a fresh array). */
    static INDArray repeatRows(INDArray rows, int times) {
        return times == 1 ? rows.dup() : rows.repeat(0, times);
    }
}
