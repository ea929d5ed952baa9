package io.diffusim.config;

import java.util.Objects;

/**
 * The EqM gradient-magnitude function c(gamma) of docs/science.md §3.5: constant, linear, truncated(a) or
 * piecewise(a, b), scaled by the gradient multiplier {@code lambda}.
 */
public record EqmMagnitude(Shape c, double a, double b, double lambda) {

    /** The shapes of c(gamma). */
    public enum Shape { CONSTANT, LINEAR, TRUNCATED, PIECEWISE }

    public EqmMagnitude {
        Objects.requireNonNull(c, "c");
    }
}
