package io.diffusim.config;

/** The finite numbers a key accepts, each end open or closed (infinite ends are open), as named in error messages. */
record NumberRange(double lo, boolean loOpen, double hi, boolean hiOpen) {

    static final NumberRange ANY = new NumberRange(Double.NEGATIVE_INFINITY, true, Double.POSITIVE_INFINITY, true);
    static final NumberRange NON_NEGATIVE = atLeast(0);
    static final NumberRange POSITIVE = above(0);
    static final NumberRange UNIT = new NumberRange(0, false, 1, false);
    static final NumberRange OPEN_UNIT = new NumberRange(0, true, 1, true);

    static NumberRange atLeast(double lo) {
        return new NumberRange(lo, false, Double.POSITIVE_INFINITY, true);
    }

    static NumberRange above(double lo) {
        return new NumberRange(lo, true, Double.POSITIVE_INFINITY, true);
    }

    boolean contains(double value) {
        return Double.isFinite(value)
                && (loOpen ? value > lo : value >= lo)
                && (hiOpen ? value < hi : value <= hi);
    }

    /** {@code a finite number > 0}, {@code a finite number in [0, 1]}, ... */
    String describe() {
        boolean bounded = hi != Double.POSITIVE_INFINITY;
        if (lo == Double.NEGATIVE_INFINITY && !bounded) {
            return "a finite number";
        }
        if (!bounded) {
            return "a finite number " + (loOpen ? "> " : ">= ") + show(lo);
        }
        return "a finite number in " + (loOpen ? "(" : "[") + show(lo) + ", " + show(hi) + (hiOpen ? ")" : "]");
    }

    static String show(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }
}
