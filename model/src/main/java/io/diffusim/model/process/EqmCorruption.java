package io.diffusim.model.process;

/**
 * The EqM corruption {@code x_gamma = gamma x_0 + (1 - gamma) eps} on [0, 1], gamma = 1 data, the opposite
 * orientation to flow matching (docs/science.md §1.1, §3.5).
 */
public final class EqmCorruption implements ForwardProcess {

    @Override
    public double a(double gamma) {
        return TimeDomain.require(gamma, 0, 1);
    }

    @Override
    public double b(double gamma) {
        return 1 - TimeDomain.require(gamma, 0, 1);
    }

    @Override
    public double aDot(double gamma) {
        TimeDomain.require(gamma, 0, 1);
        return 1;
    }

    @Override
    public double bDot(double gamma) {
        TimeDomain.require(gamma, 0, 1);
        return -1;
    }

    @Override
    public double tMin() {
        return 0;
    }

    /** gamma = 1 is the data end here, unlike every other process. */
    @Override
    public double tMax() {
        return 1;
    }
}
