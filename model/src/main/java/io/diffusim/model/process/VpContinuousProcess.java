package io.diffusim.model.process;

/**
 * Continuous VP with linear {@code beta(u) = beta_min + u (beta_max - beta_min)}: {@code a = exp(-1/2 int_0^t beta)},
 * {@code b = sqrt(1 - a^2)} on {@code [eps_t, 1]} (docs/science.md §1.1).
 *
 * <p>a and b are defined down to t = 0 and evaluate there; {@link #tMin()} is the usual truncation eps_t.
 */
public final class VpContinuousProcess implements ForwardProcess {

    private final double betaMin;
    private final double betaMax;
    private final double epsT;

    public VpContinuousProcess(double betaMin, double betaMax, double epsT) {
        this.betaMin = TimeDomain.requirePositive(betaMin, "betaMin");
        this.betaMax = TimeDomain.requirePositive(betaMax, "betaMax");
        this.epsT = TimeDomain.requirePositive(epsT, "epsT");
        if (betaMax < betaMin || epsT >= 1) {
            throw new IllegalArgumentException("need betaMin <= betaMax and epsT < 1, got betaMin=" + betaMin
                    + ", betaMax=" + betaMax + ", epsT=" + epsT);
        }
    }

    /** beta_min = 0.1, beta_max = 20, eps_t = 1e-5. */
    public static VpContinuousProcess defaults() {
        return new VpContinuousProcess(0.1, 20, 1e-5);
    }

    /** beta(t). */
    public double beta(double t) {
        return betaMin + TimeDomain.require(t, 0, 1) * (betaMax - betaMin);
    }

    /** {@code int_0^t beta(u) du}. */
    private double integral(double t) {
        return TimeDomain.require(t, 0, 1) * (betaMin + 0.5 * t * (betaMax - betaMin));
    }

    @Override
    public double a(double t) {
        return Math.exp(-0.5 * integral(t));
    }

    @Override
    public double b(double t) {
        return Math.sqrt(-Math.expm1(-integral(t)));
    }

    @Override
    public double aDot(double t) {
        return -0.5 * beta(t) * a(t);
    }

    /** {@code d sqrt(1 - a^2)/dt = beta a^2 / (2 b)}. */
    @Override
    public double bDot(double t) {
        double a = a(t);
        return 0.5 * beta(t) * a * a / b(t);
    }

    @Override
    public double tMin() {
        return epsT;
    }

    @Override
    public double tMax() {
        return 1;
    }

    @Override
    public boolean variancePreserving() {
        return true;
    }
}
