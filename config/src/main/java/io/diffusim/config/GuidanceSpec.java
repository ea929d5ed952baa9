package io.diffusim.config;

import java.util.Objects;

/**
 * Density guidance of the DDPM sampler (docs/science.md §7.4): the gamma_t variant, its scale, and where
 * the log-density comes from (a KDE with bandwidth h_0 over a subsample of M training points, or
 * the model's density head).
 */
public record GuidanceSpec(Kind kind, double scale, Density density, double bandwidth, int subsample) {

    /** The guidance variants of docs/science.md §7.4 ({@code none} = baseline). */
    public enum Kind { NONE, FIXED, ADAPTIVE, SMOOTHED, MINIMAL }

    /** Source of the log-density estimate. */
    public enum Density { KDE, MODEL_HEAD }

    public GuidanceSpec {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(density, "density");
    }
}
