package io.diffusim.model.denoise;

import io.diffusim.model.Matmul;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The streaming softmax over a point set shared by the empirical and patch denoisers (docs/science.md §3.2).
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

    /**
     * Points per chunk, fixed whatever the number of queries so that each query row gets the same bits
     * however rows are grouped into evaluations (a replica batches requests of many particle batches).
     */
    static final int CHUNK_POINTS = 512;

    /**
     * Query rows go through the BLAS products ROW_BLOCK at a time (the last block padded), so every product has the
     * same shape and a row's bits depend only on its position in its block, never on how many rows are evaluated
     * together: OpenBLAS dgemm picks kernel and summation order from the shape (measured here: a row differed in its
     * last bits between [A; B] and A alone for 1000 + 1000 rows, or 333 + 1717). A caller that concatenates requests
     * starts each at a multiple of ROW_BLOCK and gets bitwise the rows it gets evaluating them alone.
     */
    public static final int ROW_BLOCK = 64;

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

    /**
     * Softmax-weighted means of every augmented point column per query row, streamed over chunks of points
     * ({@code chunkRows}, 0 = {@value #CHUNK_POINTS}); each row's result is bitwise independent of the other rows.
     */
    public static SoftmaxAccumulator accumulate(INDArray queries, INDArray points, int chunkRows) {
        int n = (int) points.rows();
        int chunk = chunkRows > 0 ? chunkRows : CHUNK_POINTS;
        INDArray padded = padRows(queries);
        SoftmaxAccumulator accumulator = new SoftmaxAccumulator();
        INDArray scratch = LogitsScratch.take(padded.dataType(), padded.rows() * Math.min(n, chunk));
        for (int start = 0; start < n; start += chunk) {
            INDArray block = points.get(NDArrayIndex.interval(start, Math.min(n, start + chunk)), NDArrayIndex.all());
            INDArray logits = rowBlocked(padded, block, true, LogitsScratch.matrix(scratch, padded.rows(), block.rows()));
            accumulator.raiseMax(logits.max(true, 1));
            INDArray weights = Transforms.exp(logits.subiColumnVector(accumulator.runningMax()), false);
            accumulator.addScaled(rowBlocked(weights, block, false,
                    Nd4j.create(weights.dataType(), weights.rows(), block.columns())));
        }
        LogitsScratch.release(scratch);
        return padded == queries ? accumulator : firstRows(accumulator, (int) queries.rows());
    }

    /**
     * {@code out = a b} (or {@code a b^T}) computed ROW_BLOCK rows of a at a time, so every BLAS call has the same
     * shape whatever a's height: OpenBLAS picks its kernel (and summation order) from the shape, e.g. a small-matrix
     * kernel below about 10^6 multiply-adds.
     */
    private static INDArray rowBlocked(INDArray a, INDArray b, boolean transposeB, INDArray out) {
        int rows = (int) a.rows();
        for (int r = 0; r < rows; r += ROW_BLOCK) {
            Nd4j.gemm(a.get(NDArrayIndex.interval(r, r + ROW_BLOCK), NDArrayIndex.all()), b,
                    out.get(NDArrayIndex.interval(r, r + ROW_BLOCK), NDArrayIndex.all()), false, transposeB, 1.0, 0.0);
        }
        return out;
    }

    /** {@code rows} rounded up to a multiple of {@link #ROW_BLOCK}. */
    public static int paddedRows(int rows) {
        return (rows + ROW_BLOCK - 1) / ROW_BLOCK * ROW_BLOCK;
    }

    /** The queries with zero rows appended up to a multiple of ROW_BLOCK (zero queries give finite logits), or themselves. */
    private static INDArray padRows(INDArray queries) {
        int rows = (int) queries.rows();
        int padded = paddedRows(rows);
        if (padded == rows) {
            return queries;
        }
        INDArray out = Nd4j.zeros(queries.dataType(), padded, queries.columns());
        out.get(NDArrayIndex.interval(0, rows), NDArrayIndex.all()).assign(queries);
        return out;
    }

    /** The same running max and sums restricted to the first {@code rows} rows (copied, so the bits are unchanged). */
    private static SoftmaxAccumulator firstRows(SoftmaxAccumulator padded, int rows) {
        SoftmaxAccumulator accumulator = new SoftmaxAccumulator();
        accumulator.raiseMax(padded.runningMax().get(NDArrayIndex.interval(0, rows), NDArrayIndex.all()));
        accumulator.addScaled(padded.sums().get(NDArrayIndex.interval(0, rows), NDArrayIndex.all()).dup('c'));
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
