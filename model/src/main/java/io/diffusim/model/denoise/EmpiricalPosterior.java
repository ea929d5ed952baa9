package io.diffusim.model.denoise;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The streaming softmax over a point set shared by the empirical and patch denoisers (SCIENCE.md §3.2).
 *
 * <p>Every logit {@code l_j = ln pi_j - ||x - a y_j||^2/(2b^2) - ||c - c_j||^2/(2h^2)} is, up to terms constant
 * per row, one inner product of augmented rows, so a chunk of logits costs one mmul, and one more mmul with the
 * same augmented points yields the weighted mean, the weighted {@code ||y||^2} and the normaliser together:
 * <pre>
 *   point  [ y          , ||y||^2     , ln pi - ||c_j||^2/(2h^2) , c_j    , extra_j , 1 ]
 *   query  [ x a / b^2  , -a^2/(2b^2) , 1                        , c/h^2  , 0       , 0 ]
 * </pre>
 * where the optional extra columns only ride along to be averaged (e.g. per-pixel {@code y^2}).
 */
public final class EmpiricalPosterior {

    /** Target logits per chunk (4 MiB of doubles, 512 points at B = 1024): amortises the ~9 ops per chunk, stays in cache. */
    static final int TARGET_CHUNK_ENTRIES = 1 << 19;

    private EmpiricalPosterior() {
    }

    /** Augmented points {@code [n, D + 3 + C]}; logWeights null means uniform, conditions {@code [n, C]} or null. */
    public static INDArray augmentPoints(INDArray points, double[] logWeights, INDArray conditions, double bandwidth) {
        return augmentPoints(points, logWeights, conditions, bandwidth, null);
    }

    /** As above with value-only columns {@code extras [n, E]} (or null) averaged alongside: {@code [n, D + 3 + C + E]}. */
    public static INDArray augmentPoints(INDArray points, double[] logWeights, INDArray conditions, double bandwidth,
                                         INDArray extras) {
        int n = (int) points.rows();
        int d = (int) points.columns();
        int c = conditions == null ? 0 : (int) conditions.columns();
        int e = extras == null ? 0 : (int) extras.columns();
        INDArray augmented = Nd4j.zeros(DataType.DOUBLE, n, d + 3 + c + e);
        augmented.get(NDArrayIndex.all(), NDArrayIndex.interval(0, d)).assign(points);
        augmented.putColumn(d, points.mul(points).sum(true, 1));
        INDArray logPrior = logWeights == null
                ? Nd4j.valueArrayOf(new long[] {n, 1}, -Math.log(n), DataType.DOUBLE)
                : Nd4j.create(logWeights, new long[] {n, 1}, DataType.DOUBLE);
        if (c > 0) {
            augmented.get(NDArrayIndex.all(), NDArrayIndex.interval(d + 2, d + 2 + c)).assign(conditions);
            logPrior.subi(conditions.mul(conditions).sum(true, 1).divi(2 * bandwidth * bandwidth));
        }
        if (e > 0) {
            augmented.get(NDArrayIndex.all(), NDArrayIndex.interval(d + 2 + c, d + 2 + c + e)).assign(extras);
        }
        augmented.putColumn(d + 1, logPrior);
        augmented.putColumn(d + 2 + c + e, Nd4j.ones(DataType.DOUBLE, n, 1));
        return augmented;
    }

    /**
     * Augmented queries {@code [B, D + 3 + C + E]} for points x at coefficients c; condition {@code [B, C]} or null;
     * E = number of value-only columns of the matching points.
     */
    public static INDArray augmentQueries(INDArray x, NoiseCoefficients coefficients, INDArray condition, double bandwidth,
                                          int extraColumns) {
        int batch = (int) x.rows();
        int d = (int) x.columns();
        int c = condition == null ? 0 : (int) condition.columns();
        INDArray augmented = Nd4j.zeros(DataType.DOUBLE, batch, d + 3 + c + extraColumns);
        augmented.get(NDArrayIndex.all(), NDArrayIndex.interval(0, d)).assign(x)
                .muliColumnVector(coefficients.column((a, b) -> a / (b * b)));
        augmented.putColumn(d, coefficients.column((a, b) -> -a * a / (2 * b * b)));
        augmented.get(NDArrayIndex.all(), NDArrayIndex.point(d + 1)).assign(1.0);
        if (c > 0) {
            augmented.get(NDArrayIndex.all(), NDArrayIndex.interval(d + 2, d + 2 + c)).assign(condition)
                    .divi(bandwidth * bandwidth);
        }
        return augmented;
    }

    /** Softmax-weighted means of every augmented point column per query row, streamed over chunks of points. */
    public static SoftmaxAccumulator accumulate(INDArray queries, INDArray points, int chunkRows) {
        int n = (int) points.rows();
        int chunk = chunkRows > 0 ? chunkRows : Math.max(64, TARGET_CHUNK_ENTRIES / Math.max(1, (int) queries.rows()));
        SoftmaxAccumulator accumulator = new SoftmaxAccumulator();
        for (int start = 0; start < n; start += chunk) {
            INDArray block = points.get(NDArrayIndex.interval(start, Math.min(n, start + chunk)), NDArrayIndex.all());
            accumulator.acceptBlock(queries.mmul(block.transpose()), block);
        }
        return accumulator;
    }

    /** The posterior-mean prediction with its divergence, from the weighted means of the first D + 1 columns. */
    public static Prediction predict(INDArray x, NoiseCoefficients coefficients, INDArray means) {
        int d = (int) x.columns();
        INDArray meanAndTrace = meanAndTrace(means, d);
        return Prediction.ofX0(x, meanAndTrace.get(NDArrayIndex.all(), NDArrayIndex.interval(0, d)).dup('c'),
                coefficients.a(), coefficients.b()).withDivergence(coefficients.divergenceOfEps(d, meanAndTrace.getColumn(d, true)));
    }

    /** {@code [x0-hat, tr Cov]} as {@code [B, D + 1]}, with {@code tr Cov = E||y||^2 - ||x0-hat||^2}. */
    public static INDArray meanAndTrace(INDArray means, int d) {
        INDArray x0 = means.get(NDArrayIndex.all(), NDArrayIndex.interval(0, d));
        return Nd4j.hstack(x0, means.getColumn(d, true).sub(x0.mul(x0).sum(true, 1)));
    }
}
