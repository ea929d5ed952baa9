package io.diffusim.model.host;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * One particle's pass over the components of a Gaussian mixture for its exact posterior mean (docs/science.md §3.1):
 * per component the residual {@code r = x - a mu}, the log-likelihood
 * {@code ln w + ln N(x; a mu, a^2 Sigma + b^2 I)}, the component's posterior mean {@code mu + a Sigma C^-1 r} and
 * {@code E||x0||^2 = ||m||^2 + tr P}; then the responsibilities by log-sum-exp and their weighted sums. What depends
 * on the time only (the inverse eigenvalues of C, its log-determinant, tr P) is computed once per distinct time of a
 * batch ({@link #at}). Scalar code: a row costs some 4 D^2 K flops and K exponentials. Thread-safe.
 */
public final class MixturePass {

    private static final double LN_2PI = Math.log(2 * Math.PI);
    private static final VectorSpecies<Double> SPECIES = HostExp.SPECIES;
    private static final int LANES = SPECIES.length();

    /**
     * A component {@code N(mean, U diag(lambda) U^T)}: {@code basis} is U as a row-major {@code [D, r]} matrix, or null
     * for the identity ({@code r = D}); with {@code r < D}, lambda is 0 on the complement.
     */
    public record Component(double logWeight, double[] mean, double[] lambda, double[] basis) {
    }

    /**
     * The time-dependent constants of every component at one (a, b), as dense D x D matrices so that a row costs two
     * small matrix-vector products per component: {@code C^-1} and the gain {@code a Sigma C^-1}, both
     * {@code U diag(.) U^T} from the eigen-decomposition ({@code C^-1} is {@code 1/b^2} on the complement of U), the
     * shifted mean {@code a mu}, {@code ln w - (ln det C + D ln 2 pi)/2} and {@code tr P = sum lambda b^2 / den}.
     */
    public final class AtTime {
        private final double[] shiftedMean;
        private final double[] inverse;
        private final double[] gain;
        private final double[] logNorm;
        private final double[] traceP;

        private AtTime(double a, double b) {
            int count = components.length;
            int d = dimension;
            shiftedMean = new double[count * d];
            inverse = new double[count * d * d];
            gain = new double[count * d * d];
            logNorm = new double[count];
            traceP = new double[count];
            for (int k = 0; k < count; k++) {
                double[] mu = components[k].mean();
                double[] lambda = components[k].lambda();
                double[] basis = components[k].basis();
                int rank = lambda.length;
                double logDet = (d - rank) * Math.log(b * b);
                double trace = 0;
                double[] inverseEigen = new double[rank];
                double[] gainEigen = new double[rank];
                for (int j = 0; j < rank; j++) {
                    // C = U diag(a^2 lambda + b^2) U^T (+ b^2 on the complement)
                    double denominator = a * a * lambda[j] + b * b;
                    logDet += Math.log(denominator);
                    trace += lambda[j] / denominator;
                    inverseEigen[j] = 1 / denominator;
                    gainEigen[j] = a * lambda[j] / denominator;
                }
                for (int i = 0; i < d; i++) {
                    shiftedMean[k * d + i] = a * mu[i];
                    for (int l = 0; l < d; l++) {
                        double inv = 0;
                        double g = 0;
                        double projection = 0;
                        for (int j = 0; j < rank; j++) {
                            double u = basis == null ? (i == j ? 1 : 0) * (l == j ? 1 : 0)
                                    : basis[i * rank + j] * basis[l * rank + j];
                            inv += u * inverseEigen[j];
                            g += u * gainEigen[j];
                            projection += u;
                        }
                        if (rank < d) {
                            inv += ((i == l ? 1 : 0) - projection) / (b * b);
                        }
                        inverse[(k * d + i) * d + l] = inv;
                        gain[(k * d + i) * d + l] = g;
                    }
                }
                logNorm[k] = components[k].logWeight() - 0.5 * (logDet + d * LN_2PI);
                traceP[k] = trace * (b * b);
            }
        }
    }

    private final Component[] components;
    private final int dimension;
    private final ThreadLocal<double[]> scratch;

    public MixturePass(Component[] components, int dimension) {
        if (components.length == 0) {
            throw new IllegalArgumentException("a mixture needs at least one component");
        }
        for (Component c : components) {
            int rank = c.lambda().length;
            if (c.mean().length != dimension || rank > dimension || (c.basis() == null ? rank != dimension
                    : c.basis().length != dimension * rank)) {
                throw new IllegalArgumentException("component shapes do not match dimension " + dimension);
            }
        }
        this.components = components.clone();
        this.dimension = dimension;
        int k = components.length;
        // [ residual D | means K D | logits K | second moments K ], or for D = 2 the same per lane and the lanes' x
        int lanes = dimension == 2 ? LANES : 1;
        this.scratch = ThreadLocal.withInitial(() -> new double[lanes * (dimension + k * dimension + 2 * k) + 4 * lanes]);
    }

    public int dimension() {
        return dimension;
    }

    /** The per-time constants at coefficients a, b: once per distinct time of a batch, not per row. */
    public AtTime at(double a, double b) {
        return new AtTime(a, b);
    }

    /** A row's working memory, one per thread: {@link #row} takes it so that a block of rows looks it up once. */
    public double[] scratch() {
        return scratch.get();
    }

    /**
     * Rows {@code [from, to)} of {@code x}, all at {@code time}, as {@link #row} computes them; for D = 2 a vector of
     * particles at a time (the last one padded), with each lane doing the scalar row's operations in the scalar row's
     * order, so the bits are those of {@link #row} whatever the lane or the batch.
     */
    public void rows(double[] x, int from, int to, AtTime time, double[] x0, double[] secondMoment, double[] s) {
        if (dimension != 2) {
            for (int r = from; r < to; r++) {
                row(x, r, time, x0, secondMoment, s);
            }
            return;
        }
        for (int r = from; r < to; r += LANES) {
            planarLanes(x, r, Math.min(LANES, to - r), time, x0, secondMoment, s);
        }
    }

    /**
     * Row {@code row} of {@code x} at {@code time}: the posterior mean into {@code x0[row * D ..]}, E||x0||^2 into
     * {@code secondMoment[row]}; {@code s} is this thread's {@link #scratch()}.
     */
    public void row(double[] x, int row, AtTime time, double[] x0, double[] secondMoment, double[] s) {
        if (dimension == 2) {
            planarRow(x, row, time, x0, secondMoment, s);
            return;
        }
        int d = dimension;
        int count = components.length;
        int means = d;
        int logits = means + count * d;
        int seconds = logits + count;
        int at = row * d;
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < count; k++) {
            double[] mu = components[k].mean();
            for (int i = 0; i < d; i++) {
                s[i] = x[at + i] - time.shiftedMean[k * d + i];
            }
            // quadratic = r^T C^-1 r, m = mu + a Sigma C^-1 r
            double quadratic = 0;
            double norm = 0;
            for (int i = 0; i < d; i++) {
                int matrixRow = (k * d + i) * d;
                double inverseR = 0;
                double gainR = 0;
                for (int l = 0; l < d; l++) {
                    inverseR += time.inverse[matrixRow + l] * s[l];
                    gainR += time.gain[matrixRow + l] * s[l];
                }
                quadratic += s[i] * inverseR;
                double m = mu[i] + gainR;
                s[means + k * d + i] = m;
                norm += m * m;
            }
            s[seconds + k] = norm + time.traceP[k];
            double logit = time.logNorm[k] - 0.5 * quadratic;
            s[logits + k] = logit;
            max = Math.max(max, logit);
        }
        double total = 0;
        double moment = 0;
        for (int i = 0; i < d; i++) {
            x0[at + i] = 0;
        }
        for (int k = 0; k < count; k++) {
            double w = HostExp.exp(s[logits + k] - max);
            total += w;
            moment += w * s[seconds + k];
            for (int i = 0; i < d; i++) {
                x0[at + i] += w * s[means + k * d + i];
            }
        }
        for (int i = 0; i < d; i++) {
            x0[at + i] /= total;
        }
        secondMoment[row] = moment / total;
    }

    /**
     * {@link #row} for D = 2 (the planar toy data sets) with the 2 x 2 products written out: the general loops cost
     * three times as much at this size. The same operations in the same order as the general path, so the same bits.
     */
    private void planarRow(double[] x, int row, AtTime time, double[] x0, double[] secondMoment, double[] s) {
        int count = components.length;
        int logits = 2 + count * 2;
        int seconds = logits + count;
        double x1 = x[2 * row];
        double x2 = x[2 * row + 1];
        double[] shifted = time.shiftedMean;
        double[] inverse = time.inverse;
        double[] gain = time.gain;
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < count; k++) {
            double[] mu = components[k].mean();
            double r1 = x1 - shifted[2 * k];
            double r2 = x2 - shifted[2 * k + 1];
            int m = 4 * k;
            double inverseR1 = 0;
            inverseR1 += inverse[m] * r1;
            inverseR1 += inverse[m + 1] * r2;
            double inverseR2 = 0;
            inverseR2 += inverse[m + 2] * r1;
            inverseR2 += inverse[m + 3] * r2;
            double gainR1 = 0;
            gainR1 += gain[m] * r1;
            gainR1 += gain[m + 1] * r2;
            double gainR2 = 0;
            gainR2 += gain[m + 2] * r1;
            gainR2 += gain[m + 3] * r2;
            double quadratic = 0;
            quadratic += r1 * inverseR1;
            quadratic += r2 * inverseR2;
            double m1 = mu[0] + gainR1;
            double m2 = mu[1] + gainR2;
            s[2 + 2 * k] = m1;
            s[3 + 2 * k] = m2;
            double norm = 0;
            norm += m1 * m1;
            norm += m2 * m2;
            s[seconds + k] = norm + time.traceP[k];
            double logit = time.logNorm[k] - 0.5 * quadratic;
            s[logits + k] = logit;
            max = Math.max(max, logit);
        }
        double total = 0;
        double moment = 0;
        double sum1 = 0;
        double sum2 = 0;
        for (int k = 0; k < count; k++) {
            double w = HostExp.exp(s[logits + k] - max);
            total += w;
            moment += w * s[seconds + k];
            sum1 += w * s[2 + 2 * k];
            sum2 += w * s[3 + 2 * k];
        }
        x0[2 * row] = sum1 / total;
        x0[2 * row + 1] = sum2 / total;
        secondMoment[row] = moment / total;
    }

    /** {@link #planarRow} for {@code count <= LANES} consecutive rows from {@code first}, one per lane. */
    private void planarLanes(double[] x, int first, int count, AtTime time, double[] x0, double[] secondMoment,
                             double[] s) {
        int components = this.components.length;
        int firstX = 0;
        int secondX = LANES;
        int logits = 2 * LANES;
        int means = logits + components * LANES;
        int seconds = means + 2 * components * LANES;
        int out = seconds + components * LANES;
        // the rows' coordinates by lane; padding lanes hold 0 and are never written back
        for (int i = 0; i < LANES; i++) {
            boolean real = i < count;
            s[firstX + i] = real ? x[2 * (first + i)] : 0;
            s[secondX + i] = real ? x[2 * (first + i) + 1] : 0;
        }
        DoubleVector x1 = DoubleVector.fromArray(SPECIES, s, firstX);
        DoubleVector x2 = DoubleVector.fromArray(SPECIES, s, secondX);
        DoubleVector zero = DoubleVector.zero(SPECIES);
        DoubleVector max = DoubleVector.broadcast(SPECIES, Double.NEGATIVE_INFINITY);
        for (int k = 0; k < components; k++) {
            double[] mu = this.components[k].mean();
            int m = 4 * k;
            DoubleVector r1 = x1.sub(time.shiftedMean[2 * k]);
            DoubleVector r2 = x2.sub(time.shiftedMean[2 * k + 1]);
            DoubleVector inverseR1 = zero.add(r1.mul(time.inverse[m])).add(r2.mul(time.inverse[m + 1]));
            DoubleVector inverseR2 = zero.add(r1.mul(time.inverse[m + 2])).add(r2.mul(time.inverse[m + 3]));
            DoubleVector gainR1 = zero.add(r1.mul(time.gain[m])).add(r2.mul(time.gain[m + 1]));
            DoubleVector gainR2 = zero.add(r1.mul(time.gain[m + 2])).add(r2.mul(time.gain[m + 3]));
            DoubleVector quadratic = zero.add(r1.mul(inverseR1)).add(r2.mul(inverseR2));
            DoubleVector m1 = DoubleVector.broadcast(SPECIES, mu[0]).add(gainR1);
            DoubleVector m2 = DoubleVector.broadcast(SPECIES, mu[1]).add(gainR2);
            m1.intoArray(s, means + 2 * k * LANES);
            m2.intoArray(s, means + (2 * k + 1) * LANES);
            zero.add(m1.mul(m1)).add(m2.mul(m2)).add(time.traceP[k]).intoArray(s, seconds + k * LANES);
            DoubleVector logit = DoubleVector.broadcast(SPECIES, time.logNorm[k]).sub(quadratic.mul(0.5));
            logit.intoArray(s, logits + k * LANES);
            max = max.max(logit);
        }
        planarSums(max, components, s, logits, means, seconds, out);
        for (int i = 0; i < count; i++) {
            x0[2 * (first + i)] = s[out + i];
            x0[2 * (first + i) + 1] = s[out + LANES + i];
            secondMoment[first + i] = s[out + 2 * LANES + i];
        }
    }

    /** The responsibilities' sums of {@link #planarLanes}: x0 and E||x0||^2 per lane into s[out ..] (a method of its own to stay small enough for C2 to inline its vectors). */
    private static void planarSums(DoubleVector max, int components, double[] s, int logits, int means, int seconds,
                                   int out) {
        DoubleVector total = DoubleVector.zero(SPECIES);
        DoubleVector moment = DoubleVector.zero(SPECIES);
        DoubleVector sum1 = DoubleVector.zero(SPECIES);
        DoubleVector sum2 = DoubleVector.zero(SPECIES);
        for (int k = 0; k < components; k++) {
            DoubleVector w = HostExp.exp(DoubleVector.fromArray(SPECIES, s, logits + k * LANES).sub(max));
            total = total.add(w);
            moment = moment.add(w.mul(DoubleVector.fromArray(SPECIES, s, seconds + k * LANES)));
            sum1 = sum1.add(w.mul(DoubleVector.fromArray(SPECIES, s, means + 2 * k * LANES)));
            sum2 = sum2.add(w.mul(DoubleVector.fromArray(SPECIES, s, means + (2 * k + 1) * LANES)));
        }
        sum1.div(total).intoArray(s, out);
        sum2.div(total).intoArray(s, out + LANES);
        moment.div(total).intoArray(s, out + 2 * LANES);
    }
}
