package io.diffusim.config;

/** The integers a key accepts, inclusive at both ends, as named in error messages. */
record IntRange(long min, long max) {

    static final IntRange NON_NEGATIVE = atLeast(0);
    static final IntRange POSITIVE = atLeast(1);

    static IntRange atLeast(long min) {
        return new IntRange(min, Long.MAX_VALUE);
    }

    static IntRange between(long min, long max) {
        return new IntRange(min, max);
    }

    boolean contains(long value) {
        return value >= min && value <= max;
    }

    /** {@code an integer >= 0} (no upper bound but the 64-bit one) or {@code an integer in [1, 100000000]}. */
    String describe() {
        return max == Long.MAX_VALUE ? "an integer >= " + min : "an integer in [" + min + ", " + max + "]";
    }
}
