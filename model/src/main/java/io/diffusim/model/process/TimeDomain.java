package io.diffusim.model.process;

/** Argument checks shared by the forward processes of docs/science.md §1.1. */
final class TimeDomain {

    private TimeDomain() {
    }

    /** Returns t when {@code min <= t <= max}, else throws naming the value and the interval. */
    static double require(double t, double min, double max) {
        if (!(t >= min && t <= max)) {
            throw new IllegalArgumentException("t = " + t + " lies outside [" + min + ", " + max + "]");
        }
        return t;
    }

    /** Returns a positive finite parameter, else throws naming it. */
    static double requirePositive(double value, String name) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, got " + value);
        }
        return value;
    }
}
