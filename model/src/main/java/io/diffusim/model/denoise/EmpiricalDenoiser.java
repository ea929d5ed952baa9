package io.diffusim.model.denoise;

import io.diffusim.model.process.ForwardProcess;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The optimal empirical denoiser of a weighted point set, with the optional conditional kernel of SD-code's
 * {@code IdealDiffuser} (docs/science.md §3.2), streamed over chunks of points with a running log-sum-exp.
 */
public final class EmpiricalDenoiser implements Denoiser {

    /** Condition kernel bandwidth h_c of SD-code's {@code IdealDiffuser}. */
    public static final double DEFAULT_CONDITION_BANDWIDTH = 0.1;

    private final ForwardProcess process;
    private final INDArray augmentedPoints;
    private final int dimension;
    private final int conditionDimension;
    private final double bandwidth;
    private final int chunkRows;

    /** Uniform weights, chunk size chosen per batch. */
    public EmpiricalDenoiser(ForwardProcess process, INDArray points) {
        this(process, points, null, null, DEFAULT_CONDITION_BANDWIDTH, 0);
    }

    /**
     * Full control: weights (null = uniform; zeros dropped; normalised), per-point conditions {@code [n, C]} (null =
     * unconditional) with kernel bandwidth h_c, and points per chunk (0 = about 2^19 logits per chunk).
     */
    public EmpiricalDenoiser(ForwardProcess process, INDArray points, double[] weights, INDArray conditions,
                             double bandwidth, int chunkRows) {
        if (points == null || points.rank() != 2 || points.rows() == 0) {
            throw new IllegalArgumentException("points must be a non-empty [n, D] matrix");
        }
        if (conditions != null && (conditions.rank() != 2 || conditions.rows() != points.rows())) {
            throw new IllegalArgumentException("conditions must be [" + points.rows() + ", C], got "
                    + Arrays.toString(conditions.shape()));
        }
        if (!(bandwidth > 0) || !Double.isFinite(bandwidth)) {
            throw new IllegalArgumentException("condition bandwidth must be finite and > 0, got " + bandwidth);
        }
        if (chunkRows < 0) {
            throw new IllegalArgumentException("chunkRows must be >= 0 (0 = automatic), got " + chunkRows);
        }
        this.process = process;
        this.dimension = (int) points.columns();
        this.conditionDimension = conditions == null ? 0 : (int) conditions.columns();
        this.bandwidth = bandwidth;
        this.chunkRows = chunkRows;
        INDArray p = points.castTo(DataType.DOUBLE);
        INDArray c = conditions == null ? null : conditions.castTo(DataType.DOUBLE);
        double[] logWeights = null;
        if (weights != null) {
            int[] kept = keptRows(weights, (int) points.rows());
            double total = Arrays.stream(kept).mapToDouble(i -> weights[i]).sum();
            logWeights = Arrays.stream(kept).mapToDouble(i -> Math.log(weights[i] / total)).toArray();
            p = p.getRows(kept);
            c = c == null ? null : c.getRows(kept);
        }
        this.augmentedPoints = EmpiricalPosterior.augmentPoints(p, logWeights, c, bandwidth);
    }

    @Override
    public Prediction evaluate(EvalRequest request) {
        if (request.dimension() != dimension) {
            throw new IllegalArgumentException("request dimension " + request.dimension() + " != " + dimension);
        }
        INDArray condition = conditionDimension == 0 ? null : requireCondition(request);
        NoiseCoefficients coefficients = NoiseCoefficients.of(process, request);
        INDArray x = request.x().castTo(DataType.DOUBLE);
        INDArray queries = EmpiricalPosterior.augmentQueries(x, coefficients, condition, bandwidth, 0);
        SoftmaxAccumulator posterior = EmpiricalPosterior.accumulate(queries, augmentedPoints, chunkRows);
        return EmpiricalPosterior.predict(x, coefficients, posterior.weightedMeans());
    }

    @Override
    public ForwardProcess process() {
        return process;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    private INDArray requireCondition(EvalRequest request) {
        INDArray condition = request.condition();
        if (condition == null || condition.rank() != 2 || condition.columns() != conditionDimension
                || condition.rows() != request.batch()) {
            throw new IllegalArgumentException("this conditional denoiser needs a [" + request.batch() + ", " + conditionDimension
                    + "] condition, got " + (condition == null ? "none" : Arrays.toString(condition.shape())));
        }
        return condition.castTo(DataType.DOUBLE);
    }

    private static int[] keptRows(double[] weights, int n) {
        if (weights.length != n) {
            throw new IllegalArgumentException(weights.length + " weights for " + n + " points");
        }
        for (int i = 0; i < n; i++) {
            if (!(weights[i] >= 0) || !Double.isFinite(weights[i])) {
                throw new IllegalArgumentException("weight " + i + " is " + weights[i] + "; weights must be finite and >= 0");
            }
        }
        int[] kept = IntStream.range(0, n).filter(i -> weights[i] > 0).toArray();
        if (kept.length == 0) {
            throw new IllegalArgumentException("all weights are zero");
        }
        return kept;
    }
}
