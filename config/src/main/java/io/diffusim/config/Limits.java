package io.diffusim.config;

/**
 * The largest sizes a spec may ask for (docs/spec-reference.md, limits). They are far beyond what a machine can run
 * and exist so that a typo such as {@code particles = 1000000000} is a named error at validate time rather than a
 * daemon that runs out of memory; whether a spec fits the machine is the daemon's admission check.
 */
final class Limits {

    static final IntRange PARTICLES = IntRange.between(1, 100_000_000);
    static final IntRange BATCH = IntRange.between(1, 10_000_000);
    static final IntRange DATA_POINTS = IntRange.between(1, 10_000_000);
    static final IntRange DIMENSION = IntRange.between(2, 1_000_000);
    static final IntRange RANK = IntRange.between(0, 1_000_000);
    /** Chain lengths and ladders of noise levels. */
    static final IntRange CHAIN = IntRange.between(2, 1_000_000);
    /** Reverse steps, where 0 means the natural count. */
    static final IntRange STEPS = IntRange.between(0, 1_000_000);
    static final IntRange STEP_BUDGET = IntRange.between(1, 1_000_000);
    static final IntRange GRID = IntRange.between(2, 1_000_000);
    /** A network's hidden width and its number of residual blocks. */
    static final IntRange WIDTH = IntRange.between(1, 65_536);
    static final IntRange BLOCKS = IntRange.between(0, 1_000);
    /** Feature maps of a U-Net layer. */
    static final IntRange MAPS = IntRange.between(1, 1_024);

    private Limits() {
    }
}
