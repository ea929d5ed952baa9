package io.diffusim.model.host;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * One particle's pass over a weighted point set for the optimal empirical denoiser (docs/science.md §3.2): the logits
 * {@code l_j = (a/b^2) x.y_j - (a^2/(2b^2)) ||y_j||^2 + ln pi_j} of a chunk of points, the chunk's max folded into a
 * running max (log-sum-exp, science.md §0), then {@code w_j = exp(l_j - m)} and the sums of w, w y and w ||y||^2. The
 * {@code ||x||^2} term is constant per particle and cancels. Nothing of size [particles, points] exists; a chunk's
 * logits live in a per-thread buffer of {@link #CHUNK} values that stays in L1.
 *
 * <p>Lanes run over points; lane sums are added in lane order after each chunk, and the chunk boundaries depend on
 * the point set only, so a particle's bits depend on its own x and time and nothing else. Points are stored by
 * coordinate, padded to whole vectors with points of weight 0 (log-prior -inf). Thread-safe.
 */
public final class EmpiricalPass {

    /** Points per chunk: a multiple of every vector length, small enough for L1. */
    static final int CHUNK = 256;

    private static final VectorSpecies<Double> SPECIES = HostExp.SPECIES;
    private static final int LANES = SPECIES.length();

    private final int dimension;
    private final int padded;
    private final double[] coordinates;
    private final double[] squaredNorms;
    private final double[] logPrior;
    private final ThreadLocal<double[]> scratch;

    /**
     * @param points row-major {@code [n, D]}
     * @param logWeights {@code ln pi_j} per point, normalised, or null for uniform {@code -ln n}
     */
    public EmpiricalPass(double[] points, int n, int dimension, double[] logWeights) {
        if (n < 1 || dimension < 1 || points.length != n * dimension || (logWeights != null && logWeights.length != n)) {
            throw new IllegalArgumentException("need n >= 1 points of dimension >= 1 (and n log-weights), got " + n + " x "
                    + dimension + " from " + points.length + " values");
        }
        this.dimension = dimension;
        this.padded = (n + LANES - 1) / LANES * LANES;
        this.coordinates = new double[dimension * padded];
        this.squaredNorms = new double[padded];
        this.logPrior = new double[padded];
        java.util.Arrays.fill(logPrior, Double.NEGATIVE_INFINITY);
        for (int j = 0; j < n; j++) {
            double sq = 0;
            for (int k = 0; k < dimension; k++) {
                double y = points[j * dimension + k];
                coordinates[k * padded + j] = y;
                sq += y * y;
            }
            squaredNorms[j] = sq;
            logPrior[j] = logWeights == null ? -Math.log(n) : logWeights[j];
        }
        // [ chunk logits | one vector's lanes | D coordinate sums | moment | total ]
        this.scratch = ThreadLocal.withInitial(() -> new double[CHUNK + LANES + dimension + 2]);
    }

    public int dimension() {
        return dimension;
    }

    /**
     * Row {@code row} of the row-major batch {@code x} at coefficients a, b: writes the posterior mean to
     * {@code x0[row * D ..]} and {@code E||y||^2} to {@code secondMoment[row]}.
     */
    public void row(double[] x, int row, double a, double b, double[] x0, double[] secondMoment) {
        double[] s = scratch.get();
        int sums = CHUNK + LANES;
        pass(x, row * dimension, a, b, s);
        double total = s[sums + dimension + 1];
        for (int k = 0; k < dimension; k++) {
            x0[row * dimension + k] = s[sums + k] / total;
        }
        secondMoment[row] = s[sums + dimension] / total;
    }

    /**
     * The query at {@code x[at ..]} at coefficients a, b: writes its posterior mean to {@code mean[meanAt ..]} and
     * returns {@code ln sum_j pi_j exp(l_j)} over the logits above, i.e. {@code ln p(x | a, b)} up to the terms that
     * do not depend on the points, {@code -||x||^2/(2b^2) - D ln b - (D/2) ln 2 pi} (for a sum over several (a, b)).
     */
    public double logSum(double[] x, int at, double a, double b, double[] mean, int meanAt) {
        double[] s = scratch.get();
        int sums = CHUNK + LANES;
        double max = pass(x, at, a, b, s);
        double total = s[sums + dimension + 1];
        for (int k = 0; k < dimension; k++) {
            mean[meanAt + k] = s[sums + k] / total;
        }
        return max + Math.log(total);
    }

    /**
     * The pass itself: leaves the sums of w y (D values), w ||y||^2 and w at {@code s[CHUNK + LANES ..]}, the weights
     * relative to the returned running max.
     */
    private double pass(double[] x, int at, double a, double b, double[] s) {
        int sums = CHUNK + LANES;
        java.util.Arrays.fill(s, sums, sums + dimension, 0.0);
        double queryScale = a / (b * b);
        double normCoefficient = -a * a / (2 * b * b);
        double max = Double.NEGATIVE_INFINITY;
        double total = 0;
        double moment = 0;
        for (int c = 0; c < padded; c += CHUNK) {
            int end = Math.min(c + CHUNK, padded);
            double chunkMax = logits(x, at, queryScale, normCoefficient, c, end, s);
            if (chunkMax > max) {
                // the running sums move to the new max's scale
                double rescale = HostExp.exp(max - chunkMax);
                total *= rescale;
                moment *= rescale;
                for (int k = 0; k < dimension; k++) {
                    s[sums + k] *= rescale;
                }
                max = chunkMax;
            }
            total += weights(max, c, end, s);
            moment += weightedSum(squaredNorms, c, c, end, s);
            for (int k = 0; k < dimension; k++) {
                s[sums + k] += weightedSum(coordinates, k * padded + c, c, end, s);
            }
        }
        s[sums + dimension] = moment;
        s[sums + dimension + 1] = total;
        return max;
    }

    // The stages below are methods of their own, each with its vectors inside: C2 inlines Vector API calls only into
    // small enough methods, and a vector that crosses a call that was not inlined is boxed on the heap.

    /** Logits of points [c, end) into s[0 ..], for the query at x[at ..]; returns their max. */
    private double logits(double[] x, int at, double queryScale, double normCoefficient, int c, int end, double[] s) {
        DoubleVector norm = DoubleVector.broadcast(SPECIES, normCoefficient);
        DoubleVector max = DoubleVector.broadcast(SPECIES, Double.NEGATIVE_INFINITY);
        for (int j = c; j < end; j += LANES) {
            DoubleVector l = DoubleVector.fromArray(SPECIES, squaredNorms, j).fma(norm, DoubleVector.fromArray(SPECIES, logPrior, j));
            for (int k = 0; k < dimension; k++) {
                l = DoubleVector.fromArray(SPECIES, coordinates, k * padded + j)
                        .fma(DoubleVector.broadcast(SPECIES, x[at + k] * queryScale), l);
            }
            l.intoArray(s, j - c);
            max = max.max(l);
        }
        max.intoArray(s, CHUNK);
        double m = s[CHUNK];
        for (int i = 1; i < LANES; i++) {
            m = Math.max(m, s[CHUNK + i]);
        }
        return m;
    }

    /** Turns the logits s[0, end - c) into weights exp(l - max) in place; returns their sum. */
    private static double weights(double max, int c, int end, double[] s) {
        DoubleVector shift = DoubleVector.broadcast(SPECIES, max);
        DoubleVector sum = DoubleVector.zero(SPECIES);
        for (int j = 0; j < end - c; j += LANES) {
            DoubleVector w = HostExp.exp(DoubleVector.fromArray(SPECIES, s, j).sub(shift));
            w.intoArray(s, j);
            sum = sum.add(w);
        }
        return laneSum(sum, s);
    }

    /** {@code sum_j w_j values[from + j - c]} over the chunk's weights in s. */
    private static double weightedSum(double[] values, int from, int c, int end, double[] s) {
        DoubleVector sum = DoubleVector.zero(SPECIES);
        for (int j = 0; j < end - c; j += LANES) {
            sum = DoubleVector.fromArray(SPECIES, values, from + j).fma(DoubleVector.fromArray(SPECIES, s, j), sum);
        }
        return laneSum(sum, s);
    }

    /** The lanes of v added in lane order (the Vector API's own reduction may pick any order). */
    private static double laneSum(DoubleVector v, double[] s) {
        v.intoArray(s, CHUNK);
        double sum = s[CHUNK];
        for (int i = 1; i < LANES; i++) {
            sum += s[CHUNK + i];
        }
        return sum;
    }
}
