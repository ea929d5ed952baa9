package io.diffusim.model.posterior;

import io.diffusim.model.data.Dataset;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Weighted point set sum_j pi_j delta(x^(j)) (a single point when n = 1) under x_t = a x_0 + b eps:
 * ln p(x_t) = LSE_j[ln pi_j - ||x_t - a x^(j)||^2 / (2 b^2)] - D ln b - (D/2) ln 2 pi, expanded through the
 * t-free Gram matrix and streamed over data chunks (SCIENCE.md §3.2, §3.4).
 */
public final class PointSetLikelihood implements DataLikelihood {

    /** Data points per streamed chunk. */
    public static final int DEFAULT_CHUNK = 2048;

    private static final double LN_2PI = Math.log(2 * Math.PI);

    private final INDArray points;
    private final INDArray lnWeights;
    private final INDArray squaredNorms;
    private final int chunk;
    private final INDArray pointGram;

    private PointSetLikelihood(INDArray points, double[] weights, int chunk) {
        if (points.rank() != 2 || points.rows() != weights.length || weights.length == 0) {
            throw new IllegalArgumentException("need an [n, D] point matrix with n = " + weights.length + " weights");
        }
        if (chunk < 1) {
            throw new IllegalArgumentException("chunk must be >= 1, got " + chunk);
        }
        double[] lnW = new double[weights.length];
        for (int j = 0; j < weights.length; j++) {
            if (!(weights[j] > 0) || !Double.isFinite(weights[j])) {
                throw new IllegalArgumentException("point " + j + " has weight " + weights[j] + "; weights must be finite and > 0");
            }
            lnW[j] = Math.log(weights[j]);
        }
        this.points = points.castTo(DataType.DOUBLE).dup();
        this.lnWeights = Nd4j.createFromArray(lnW).reshape(1, lnW.length);
        this.squaredNorms = this.points.mul(this.points).sum(true, 1).reshape(1, weights.length);
        this.chunk = chunk;
        // the data Gram K = X X^T gives ||x0-hat||^2 = r K r^T in O(n^2) when that beats O(n D)
        boolean useGram = weights.length <= Math.min(chunk, points.columns());
        this.pointGram = useGram ? this.points.mmul(this.points.transpose()) : null;
    }

    /** Equal weights 1/n. */
    public static PointSetLikelihood uniform(INDArray points) {
        double[] w = new double[(int) points.rows()];
        Arrays.fill(w, 1.0 / w.length);
        return new PointSetLikelihood(points, w, DEFAULT_CHUNK);
    }

    /** The points of a data set with equal weights. */
    public static PointSetLikelihood of(Dataset dataset) {
        return uniform(dataset.points());
    }

    /** Given weights pi_j (> 0; normalised here) and chunk size. */
    public static PointSetLikelihood weighted(INDArray points, double[] weights, int chunk) {
        double total = Arrays.stream(weights).sum();
        return new PointSetLikelihood(points, Arrays.stream(weights).map(w -> w / total).toArray(), chunk);
    }

    /** One data point x (SCIENCE.md §6.1). */
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
        boolean explicitMean = withMean && (points.rows() > chunk || pointGram == null);
        return 2 * Math.min(points.rows(), chunk) + (explicitMean ? 2 * points.columns() : 0);
    }

    @Override
    public Rows prepare(INDArray x) {
        if (x.columns() != points.columns()) {
            throw new IllegalArgumentException("rows have dimension " + x.columns() + ", data " + points.columns());
        }
        INDArray rows = x.castTo(DataType.DOUBLE);
        INDArray gram = rows.mmul(points.transpose());
        INDArray rowSq = rows.mul(rows).sum(true, 1).reshape(rows.rows(), 1);
        return new Prepared(rows, gram, rowSq);
    }

    /** Rows with their Gram matrix against the data [r, n] and squared norms [r, 1]. */
    private final class Prepared implements Rows {
        private final INDArray x;
        private final INDArray gram;
        private final INDArray rowSq;

        Prepared(INDArray x, INDArray gram, INDArray rowSq) {
            this.x = x;
            this.gram = gram;
            this.rowSq = rowSq;
        }

        @Override
        public INDArray x() {
            return x;
        }

        @Override
        public Pairs evaluate(int perRow, INDArray a, INDArray b, boolean withMean) {
            return evaluatePairs(x, gram, rowSq, perRow, a, b, withMean);
        }
    }

    private Pairs evaluatePairs(INDArray x, INDArray gram, INDArray rowSq, int perRow, INDArray a, INDArray b,
                                boolean withMean) {
        INDArray bSq = b.mul(b);
        INDArray gain = a.div(bSq);
        INDArray quadratic = a.mul(gain).muli(-0.5);
        // t-dependent terms shared by every point: -||x||^2/(2b^2) - D ln b - (D/2) ln 2 pi
        double d = points.columns();
        INDArray rowTerm = repeatRows(rowSq, perRow).divi(bSq).muli(-0.5)
                .subi(Transforms.log(b, true).muli(d)).subi(0.5 * d * LN_2PI);
        long n = points.rows();
        if (n <= chunk) {
            INDArray gramRep = repeatRows(gram, perRow);
            INDArray logits = gramRep.mulColumnVector(gain).addi(quadratic.mmul(squaredNorms)).addiRowVector(lnWeights);
            INDArray max = logits.max(true, 1);
            INDArray resp = Transforms.exp(logits.subiColumnVector(max), false);
            INDArray normaliser = resp.sum(true, 1);
            INDArray logLikelihood = Transforms.log(normaliser, true).addi(max).addi(rowTerm);
            return withMean
                    ? new Responsibilities(logLikelihood, resp.diviColumnVector(normaliser), gramRep, (int) x.rows())
                    : ExplicitMeanPairs.withoutMean(logLikelihood);
        }
        // large sets: streaming LSE over data chunks with a running weighted mean
        RunningLogSumExp lse = new RunningLogSumExp();
        for (long j0 = 0; j0 < n; j0 += chunk) {
            INDArrayIndex cols = NDArrayIndex.interval(j0, Math.min(n, j0 + chunk));
            INDArray logits = repeatRows(gram.get(NDArrayIndex.all(), cols), perRow).muliColumnVector(gain)
                    .addi(quadratic.mmul(squaredNorms.get(NDArrayIndex.all(), cols)))
                    .addiRowVector(lnWeights.get(NDArrayIndex.all(), cols));
            lse.addChunk(logits, withMean ? points.get(cols, NDArrayIndex.all()) : null);
        }
        INDArray logLikelihood = lse.logSum().addi(rowTerm);
        return withMean
                ? new ExplicitMeanPairs(logLikelihood, lse.mean(), repeatRows(x, perRow), (int) x.rows())
                : ExplicitMeanPairs.withoutMean(logLikelihood);
    }

    /** Pairs of a set that fits one chunk: responsibilities [M, n] and the repeated Gram rows [M, n]. */
    private final class Responsibilities implements Pairs {
        private final INDArray logLikelihood;
        private final INDArray resp;
        private final INDArray gramRep;
        private final int rows;

        Responsibilities(INDArray logLikelihood, INDArray resp, INDArray gramRep, int rows) {
            this.logLikelihood = logLikelihood;
            this.resp = resp;
            this.gramRep = gramRep;
            this.rows = rows;
        }

        @Override
        public INDArray logLikelihood() {
            return logLikelihood;
        }

        @Override
        public INDArray meanSquaredNorm() {
            if (pointGram != null) {
                return resp.mmul(pointGram).muli(resp).sum(true, 1); // r K r^T, cheaper when n <= D
            }
            INDArray x0 = resp.mmul(points);
            return x0.muli(x0).sum(true, 1);
        }

        @Override
        public INDArray meanDotInput() {
            return resp.mul(gramRep).sum(true, 1);
        }

        @Override
        public INDArray weightedMeanSum(INDArray coefficients) {
            long perRow = resp.rows() / rows;
            return resp.mulColumnVector(coefficients).reshape(rows, perRow, resp.columns()).sum(1).mmul(points);
        }
    }

    /** Each row repeated {@code times} times consecutively (a fresh array). */
    static INDArray repeatRows(INDArray rows, int times) {
        return times == 1 ? rows.dup() : rows.repeat(0, times);
    }
}
