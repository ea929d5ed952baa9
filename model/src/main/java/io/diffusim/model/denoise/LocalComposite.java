package io.diffusim.model.denoise;

import io.diffusim.model.Matmul;
import io.diffusim.model.process.ForwardProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.DoubleToIntFunction;
import java.util.function.DoubleUnaryOperator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The parts PSPC-Square and PSPC-Flex share (docs/science.md §3.6): the posterior moments of one crop over the same
 * crop of every training image, the per-pixel average of the crops covering a pixel, the whole-image case, and rows of
 * different noise levels grouped by the mask they use.
 */
final class LocalComposite {

    /** The composite of the rows sharing one mask key: {@code [x0-hat, sum_p (1/n_p) sum_M Var_M[x0_p]]}. */
    interface Group {
        INDArray composite(INDArray x, NoiseCoefficients coefficients, int key);
    }

    /** Posterior mean and per-coordinate variance of a crop, each {@code [B, crop]}. */
    record Moments(INDArray mean, INDArray variance) {
    }

    private LocalComposite() {
    }

    /**
     * The prediction of a request, each row's mask key chosen from its VE level {@code sigma = b / a}: one composite
     * per key, rows back in order.
     */
    static Prediction predict(ForwardProcess process, EvalRequest request, int dimension, DoubleToIntFunction keyOfSigma,
                              Group group) {
        if (request.dimension() != dimension) {
            throw new IllegalArgumentException("request dimension " + request.dimension() + " != " + dimension);
        }
        NoiseCoefficients coefficients = NoiseCoefficients.of(process, request);
        int[] keys = new int[request.batch()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = keyOfSigma.applyAsInt(coefficients.b(i) / coefficients.a(i));
        }
        return predict(request.x().castTo(DataType.DOUBLE), coefficients, keys, group, dimension);
    }

    /** The scheduled value of each row of a request, from its VE level {@code sigma = b / a}. */
    static double[] scheduled(ForwardProcess process, EvalRequest request, DoubleUnaryOperator valueOfSigma) {
        NoiseCoefficients coefficients = NoiseCoefficients.of(process, request);
        double[] values = new double[request.batch()];
        for (int i = 0; i < values.length; i++) {
            values[i] = valueOfSigma.applyAsDouble(coefficients.b(i) / coefficients.a(i));
        }
        return values;
    }

    private static Prediction predict(INDArray x, NoiseCoefficients coefficients, int[] keys, Group group, int dimension) {
        Map<Integer, List<Integer>> rowsByKey = new TreeMap<>();
        for (int i = 0; i < keys.length; i++) {
            rowsByKey.computeIfAbsent(keys[i], s -> new ArrayList<>()).add(i);
        }
        INDArray result;
        if (rowsByKey.size() == 1) {
            result = group.composite(x, coefficients, rowsByKey.keySet().iterator().next());
        } else {
            // rare mixed-time batch: one composite per key, then restore the row order
            List<INDArray> parts = new ArrayList<>();
            int[] order = new int[keys.length];
            int next = 0;
            for (Map.Entry<Integer, List<Integer>> entry : rowsByKey.entrySet()) {
                int[] rows = entry.getValue().stream().mapToInt(Integer::intValue).toArray();
                parts.add(group.composite(x.getRows(rows), coefficients.rows(rows), entry.getKey()));
                for (int row : rows) {
                    order[row] = next++;
                }
            }
            result = Nd4j.vstack(parts.toArray(new INDArray[0])).getRows(order);
        }
        return Prediction.ofX0(x, result.get(NDArrayIndex.all(), NDArrayIndex.interval(0, dimension)).dup('c'),
                coefficients.a(), coefficients.b()).withDivergence(coefficients.divergenceOfEps(dimension, result.getColumn(dimension, true)));
    }

    /** The whole-image mask: exactly the empirical denoiser's arithmetic on its augmented points. */
    static INDArray whole(INDArray x, NoiseCoefficients coefficients, INDArray augmentedWhole, int chunkRows) {
        INDArray queries = EmpiricalPosterior.augmentQueries(x, coefficients, null, 1, 0);
        return EmpiricalPosterior.meanAndTrace(
                EmpiricalPosterior.accumulate(queries, augmentedWhole, chunkRows).weightedMeans(), (int) x.columns());
    }

    /** The crop posterior: softmax over every point's crop, with each crop coordinate's second moment alongside. */
    static Moments crop(INDArray queryCrop, INDArray pointCrop, NoiseCoefficients coefficients, int chunkRows) {
        int crop = (int) queryCrop.columns();
        INDArray queries = EmpiricalPosterior.augmentQueries(queryCrop, coefficients, null, 1, crop);
        INDArray means = EmpiricalPosterior.accumulate(queries,
                EmpiricalPosterior.augmentPoints(pointCrop, null, null, 1, pointCrop.mul(pointCrop)), chunkRows).weightedMeans();
        INDArray mean = means.get(NDArrayIndex.all(), NDArrayIndex.interval(0, crop)).dup('c');
        INDArray second = means.get(NDArrayIndex.all(), NDArrayIndex.interval(crop + 2, 2 * crop + 2)).dup('c');
        return new Moments(mean, second.subi(mean.mul(mean)));
    }

    /**
     * {@code [sum / n_p, (variance . 1/n_p)]} as {@code [B, D + 1]}: the per-pixel averages of the crop means and the
     * variance term of the divergence; {@code covering[p]} counts the masks holding pixel p (all channels).
     */
    static INDArray average(INDArray sum, INDArray variance, double[] covering, int dimension) {
        int batch = (int) sum.size(0);
        double[] inverse = new double[dimension];
        for (int k = 0; k < inverse.length; k++) {
            inverse[k] = 1 / covering[k % covering.length];
        }
        INDArray inverseRow = Nd4j.create(inverse, new long[] {1, inverse.length}, DataType.DOUBLE);
        return Nd4j.hstack(sum.reshape('c', batch, dimension).muliRowVector(inverseRow),
                Matmul.timesTransposed(variance.reshape('c', batch, dimension), inverseRow));
    }
}
