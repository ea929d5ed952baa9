package io.diffusim.sampling.guidance;

import io.diffusim.model.Matmul;
import io.diffusim.model.denoise.SoftmaxAccumulator;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Kernel density estimate of the noised data, l-hat(x, t) = LSE_j(-||x - a x_j||^2 / (2 h_t^2)) with
 * h_t^2 = b^2 + h_0^2 over a seeded subsample of M training points, and its gradient
 * -(x - a sum_j w_j x_j) / h_t^2 (docs/science.md §7.4 "KDE alternative"), by streaming log-sum-exp.
 */
public final class KdeLogDensity implements LogDensityGradient {

    /** Default subsample size M. */
    public static final int DEFAULT_SUBSAMPLE = 2000;
    /** Default base bandwidth h_0. */
    public static final double DEFAULT_BANDWIDTH = 0.05;
    /** Upper bound on the elements of one [B, chunk] logit block, to bound memory. */
    private static final long MAX_BLOCK = 4_000_000L;

    private final INDArray points;
    private final INDArray squaredNorms;
    private final INDArray transposed;
    private final INDArray pointsWithOnes;
    private final double bandwidthSq;

    /** Subsamples min(M, n) training points without replacement by a draw seeded with {@code seed}. */
    public KdeLogDensity(INDArray trainingPoints, int subsample, double bandwidth, long seed) {
        if (trainingPoints.rank() != 2 || trainingPoints.rows() < 1) {
            throw new IllegalArgumentException("training points must be a non-empty [n, D] matrix, got shape "
                    + Arrays.toString(trainingPoints.shape()));
        }
        if (subsample < 1) {
            throw new IllegalArgumentException("subsample size M must be >= 1, got " + subsample);
        }
        if (!(bandwidth >= 0) || !Double.isFinite(bandwidth)) {
            throw new IllegalArgumentException("bandwidth h0 must be finite and >= 0, got " + bandwidth);
        }
        int n = (int) trainingPoints.rows();
        int m = Math.min(subsample, n);
        // Partial Fisher-Yates: the first m entries are a uniform subset, fixed by the seed.
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < m; i++) {
            int j = i + random.nextInt(n - i);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        this.points = trainingPoints.getRows(Arrays.copyOf(order, m)).castTo(DataType.DOUBLE);
        this.squaredNorms = points.mul(points).sum(true, 1).reshape(1, m);
        this.transposed = points.transpose().dup('c');
        // A trailing column of ones lets the accumulator carry the softmax normaliser.
        this.pointsWithOnes = Nd4j.hstack(points, Nd4j.ones(DataType.DOUBLE, m, 1));
        this.bandwidthSq = bandwidth * bandwidth;
    }

    /** The subsampled points [M, D] (read-only). */
    public INDArray points() {
        return points;
    }

    @Override
    public INDArray gradient(INDArray x, double t, double a, double b) {
        double hSq = requireBandwidth(b);
        INDArray[] lseAndMean = stream(x, a, hSq);
        return lseAndMean[1].muli(a).rsubi(x).divi(-hSq);
    }

    /** l-hat(x, t) per row, [B, 1]. */
    public INDArray logDensity(INDArray x, double t, double a, double b) {
        double hSq = requireBandwidth(b);
        INDArray[] lseAndMean = stream(x, a, hSq);
        return x.mul(x).sum(true, 1).divi(-2 * hSq).addi(lseAndMean[0]);
    }

    private double requireBandwidth(double b) {
        double hSq = b * b + bandwidthSq;
        if (!(hSq > 0)) {
            throw new IllegalArgumentException("h_t^2 = b^2 + h0^2 must be > 0, got b = " + b + ", h0^2 = " + bandwidthSq);
        }
        return hSq;
    }

    /**
     * One streaming pass over chunks of points: the log-sum-exp of the logits without their ||x||^2
     * term, [B, 1], and the softmax-weighted mean of the points, [B, D].
     */
    private INDArray[] stream(INDArray x, double a, double hSq) {
        long m = points.rows();
        long chunk = Math.max(1, Math.min(m, MAX_BLOCK / Math.max(1, x.rows())));
        SoftmaxAccumulator accumulator = new SoftmaxAccumulator();
        for (long start = 0; start < m; start += chunk) {
            long end = Math.min(m, start + chunk);
            INDArray block = pointsWithOnes.get(NDArrayIndex.interval(start, end), NDArrayIndex.all());
            INDArray norms = squaredNorms.get(NDArrayIndex.all(), NDArrayIndex.interval(start, end));
            // logits_j = (2a <x, x_j> - a^2 ||x_j||^2) / (2 h^2)
            INDArray logits = Matmul.times(x, transposed.get(NDArrayIndex.all(), NDArrayIndex.interval(start, end)))
                    .muli(a / hSq).addiRowVector(norms.mul(-a * a / (2 * hSq)));
            accumulator.acceptBlock(logits, block);
        }
        INDArray mean = accumulator.weightedMeans().get(NDArrayIndex.all(), NDArrayIndex.interval(0, x.columns()));
        return new INDArray[] {accumulator.logNormaliser(), mean};
    }
}
