package io.diffusim.model.process;

import java.util.function.DoubleUnaryOperator;

/**
 * The integer-time DDPM chain {@code a = sqrt(Abar_t)}, {@code b = sqrt(1 - Abar_t)} with its derived arrays
 * (docs/science.md §1.1-1.2); fractional t interpolates ln Abar linearly between neighbouring indices.
 *
 * <p>Array accessors return fresh copies. Derivatives at an integer t use the segment to its right
 * (the left one at t = T-1).
 */
public final class VpDiscreteProcess implements ForwardProcess {

    /** Floor of the posterior variance, as in AIS {@code NoiseScheduler}. */
    public static final double MIN_POSTERIOR_VARIANCE = 1e-20;

    private final double[] beta;
    private final double[] alphaBar;
    private final double[] logAlphaBar;

    /** The chain of a schedule. */
    public VpDiscreteProcess(BetaSchedule schedule) {
        this.beta = schedule.betas();
        this.alphaBar = schedule.alphaBar();
        this.logAlphaBar = map(alphaBar, Math::log);
    }

    /** Chain length T. */
    public int timesteps() {
        return beta.length;
    }

    public double[] beta() {
        return beta.clone();
    }

    public double[] alphaBar() {
        return alphaBar.clone();
    }

    /** {@code Abar_{t-1}} with {@code Abar_{-1} = 1}. */
    public double[] alphaBarPrev() {
        double[] previous = new double[alphaBar.length];
        previous[0] = 1;
        System.arraycopy(alphaBar, 0, previous, 1, alphaBar.length - 1);
        return previous;
    }

    public double[] sqrtAlphaBar() {
        return map(alphaBar, Math::sqrt);
    }

    public double[] sqrtOneMinusAlphaBar() {
        return map(alphaBar, ab -> Math.sqrt(1 - ab));
    }

    /** {@code 1/sqrt(Abar)}. */
    public double[] sqrtRecipAlphaBar() {
        return map(alphaBar, ab -> 1 / Math.sqrt(ab));
    }

    /** {@code sqrt(1/Abar - 1)}. */
    public double[] sqrtRecipAlphaBarMinusOne() {
        return map(alphaBar, ab -> Math.sqrt(1 / ab - 1));
    }

    /** Posterior-mean coefficient of x0: {@code c1_t = beta_t sqrt(Abar_{t-1}) / (1 - Abar_t)}. */
    public double[] posteriorMeanCoefX0() {
        double[] previous = alphaBarPrev();
        double[] c1 = new double[beta.length];
        for (int t = 0; t < beta.length; t++) {
            c1[t] = beta[t] * Math.sqrt(previous[t]) / (1 - alphaBar[t]);
        }
        return c1;
    }

    /** Posterior-mean coefficient of x_t: {@code c2_t = (1 - Abar_{t-1}) sqrt(1 - beta_t) / (1 - Abar_t)}. */
    public double[] posteriorMeanCoefXt() {
        double[] previous = alphaBarPrev();
        double[] c2 = new double[beta.length];
        for (int t = 0; t < beta.length; t++) {
            c2[t] = (1 - previous[t]) * Math.sqrt(1 - beta[t]) / (1 - alphaBar[t]);
        }
        return c2;
    }

    /** {@code betaTilde_t = beta_t (1 - Abar_{t-1})/(1 - Abar_t)}, floored at 1e-20, and 0 at t = 0 by definition. */
    public double[] posteriorVariance() {
        double[] previous = alphaBarPrev();
        double[] variance = new double[beta.length];
        for (int t = 1; t < beta.length; t++) {
            variance[t] = Math.max(beta[t] * (1 - previous[t]) / (1 - alphaBar[t]), MIN_POSTERIOR_VARIANCE);
        }
        return variance;
    }

    @Override
    public double a(double t) {
        return Math.exp(0.5 * logAlphaBarAt(t));
    }

    @Override
    public double b(double t) {
        return Math.sqrt(-Math.expm1(logAlphaBarAt(t)));
    }

    @Override
    public double aDot(double t) {
        return 0.5 * a(t) * slope(t);
    }

    /** {@code d sqrt(1 - Abar)/dt = -Abar (d ln Abar/dt) / (2 b)}. */
    @Override
    public double bDot(double t) {
        return -Math.exp(logAlphaBarAt(t)) * slope(t) / (2 * b(t));
    }

    @Override
    public double tMin() {
        return 0;
    }

    @Override
    public double tMax() {
        return beta.length - 1;
    }

    @Override
    public boolean variancePreserving() {
        return true;
    }

    private double logAlphaBarAt(double t) {
        int k = segment(t);
        return logAlphaBar[k] + (t - k) * (logAlphaBar[k + 1] - logAlphaBar[k]);
    }

    private double slope(double t) {
        int k = segment(t);
        return logAlphaBar[k + 1] - logAlphaBar[k];
    }

    /** Left index k of the segment [k, k+1] holding t. */
    private int segment(double t) {
        TimeDomain.require(t, tMin(), tMax());
        return Math.min((int) Math.floor(t), beta.length - 2);
    }

    private static double[] map(double[] values, DoubleUnaryOperator f) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = f.applyAsDouble(values[i]);
        }
        return out;
    }
}
