package io.diffusim.model.host;

/**
 * One particle's pass over the components of a Gaussian mixture for its exact posterior mean (docs/science.md §3.1):
 * per component the residual {@code r = x - a mu} in the component's eigenbasis, the log-likelihood
 * {@code ln w + ln N(x; a mu, a^2 Sigma + b^2 I)}, the component's posterior mean {@code mu + a Sigma C^-1 r} and
 * {@code E||x0||^2 = ||m||^2 + tr P}; then the responsibilities by log-sum-exp and their weighted sums. What depends
 * on the time only (the inverse eigenvalues of C, its log-determinant, tr P) is computed once per distinct time of a
 * batch ({@link #at}). Scalar code: a row costs some 30 D^2 K flops, too few to gain from vectors. Thread-safe.
 */
public final class MixturePass {

    private static final double LN_2PI = Math.log(2 * Math.PI);

    /**
     * A component {@code N(mean, U diag(lambda) U^T)}: {@code basis} is U as a row-major {@code [D, r]} matrix, or null
     * for the identity ({@code r = D}); with {@code r < D}, lambda is 0 on the complement.
     */
    public record Component(double logWeight, double[] mean, double[] lambda, double[] basis) {
    }

    /** The time-dependent constants of every component at one (a, b). */
    public final class AtTime {
        private final double a;
        private final double b;
        private final double[][] denominator;
        private final double[] logNorm;
        private final double[] traceP;

        private AtTime(double a, double b) {
            this.a = a;
            this.b = b;
            int count = components.length;
            denominator = new double[count][];
            logNorm = new double[count];
            traceP = new double[count];
            for (int k = 0; k < count; k++) {
                double[] lambda = components[k].lambda();
                int rank = lambda.length;
                denominator[k] = new double[rank];
                double logDet = 0;
                double trace = 0;
                for (int j = 0; j < rank; j++) {
                    // C = U diag(a^2 lambda + b^2) U^T (+ b^2 on the complement)
                    denominator[k][j] = a * a * lambda[j] + b * b;
                    logDet += Math.log(denominator[k][j]);
                    trace += lambda[j] / denominator[k][j];
                }
                logDet += (dimension - rank) * Math.log(b * b);
                logNorm[k] = components[k].logWeight() - 0.5 * (logDet + dimension * LN_2PI);
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
        // [ residual D | eigen-coordinates D | means K D | logits K | second moments K ]
        this.scratch = ThreadLocal.withInitial(() -> new double[2 * dimension + k * dimension + 2 * k]);
    }

    public int dimension() {
        return dimension;
    }

    /** The per-time constants at coefficients a, b: once per distinct time of a batch, not per row. */
    public AtTime at(double a, double b) {
        return new AtTime(a, b);
    }

    /** Row {@code row} of {@code x} at {@code time}: the posterior mean into {@code x0[row * D ..]}, E||x0||^2 into secondMoment. */
    public void row(double[] x, int row, AtTime time, double[] x0, double[] secondMoment) {
        double[] s = scratch.get();
        int d = dimension;
        int count = components.length;
        int residual = 0;
        int coordinates = d;
        int means = 2 * d;
        int logits = means + count * d;
        int seconds = logits + count;
        double a = time.a;
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < count; k++) {
            Component component = components[k];
            double[] mu = component.mean();
            double[] lambda = component.lambda();
            double[] basis = component.basis();
            double[] denominator = time.denominator[k];
            int rank = lambda.length;
            double residualNorm = 0;
            for (int i = 0; i < d; i++) {
                s[residual + i] = x[row * d + i] - a * mu[i];
                residualNorm += s[residual + i] * s[residual + i];
            }
            // y = U^T r; quadratic = y^T diag(1/den) y; z = y / den scaled by lambda is Sigma C^-1 r in the eigenbasis
            double quadratic = 0;
            double kept = 0;
            for (int j = 0; j < rank; j++) {
                double y = 0;
                if (basis == null) {
                    y = s[residual + j];
                } else {
                    for (int i = 0; i < d; i++) {
                        y += s[residual + i] * basis[i * rank + j];
                    }
                }
                double z = y / denominator[j];
                quadratic += y * z;
                kept += y * y;
                s[coordinates + j] = z * lambda[j];
            }
            if (rank < d) {
                quadratic += (residualNorm - kept) / (time.b * time.b);
            }
            double norm = 0;
            for (int i = 0; i < d; i++) {
                double shift = 0;
                if (basis == null) {
                    shift = s[coordinates + i];
                } else {
                    for (int j = 0; j < rank; j++) {
                        shift += s[coordinates + j] * basis[i * rank + j];
                    }
                }
                double m = shift * a + mu[i];
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
            x0[row * d + i] = 0;
        }
        for (int k = 0; k < count; k++) {
            double w = HostExp.exp(s[logits + k] - max);
            total += w;
            moment += w * s[seconds + k];
            for (int i = 0; i < d; i++) {
                x0[row * d + i] += w * s[means + k * d + i];
            }
        }
        for (int i = 0; i < d; i++) {
            x0[row * d + i] /= total;
        }
        secondMoment[row] = moment / total;
    }
}
