package io.diffusim.model.host;


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
    private static final int LANES = PlanarMixtureRows.LANES;

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
        final double[] shiftedMean;
        final double[] inverse;
        final double[] gain;
        final double[] logNorm;
        final double[] traceP;

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
        int length = lanes * (dimension + k * dimension + 2 * k) + 4 * lanes;
        this.scratch = ThreadLocal.withInitial(() -> new double[length]);
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
            PlanarMixtureRows.lanes(components, x, r, Math.min(LANES, to - r), time, x0, secondMoment, s);
        }
    }

    /**
     * Row {@code row} of {@code x} at {@code time}: the posterior mean into {@code x0[row * D ..]}, E||x0||^2 into
     * {@code secondMoment[row]}; {@code s} is this thread's {@link #scratch()}.
     */
    public void row(double[] x, int row, AtTime time, double[] x0, double[] secondMoment, double[] s) {
        if (dimension == 2) {
            PlanarMixtureRows.row(components, x, row, time, x0, secondMoment, s);
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
}
