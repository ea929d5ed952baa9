package io.diffusim.model.process;

/** Flow matching / rectified flow {@code x_t = (1 - t) x_0 + t eps} on [0, 1], t = 1 pure noise (docs/science.md §1.1). */
public final class FlowMatchingProcess implements ForwardProcess {

    @Override
    public double a(double t) {
        return 1 - TimeDomain.require(t, 0, 1);
    }

    @Override
    public double b(double t) {
        return TimeDomain.require(t, 0, 1);
    }

    @Override
    public double aDot(double t) {
        TimeDomain.require(t, 0, 1);
        return -1;
    }

    @Override
    public double bDot(double t) {
        TimeDomain.require(t, 0, 1);
        return 1;
    }

    @Override
    public double tMin() {
        return 0;
    }

    @Override
    public double tMax() {
        return 1;
    }
}
