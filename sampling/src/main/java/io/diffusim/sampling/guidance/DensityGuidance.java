package io.diffusim.sampling.guidance;

/**
 * The density-guidance variants and their gamma_t schedules (docs/science.md §7.4), with t the integer
 * chain time running T-1 -> 0 so that 1 - t/T grows from 1/T to 1.
 */
public enum DensityGuidance {
    /** gamma = 0: plain DDPM. */
    BASELINE,
    /** gamma_t = 0.1. */
    FIXED,
    /** gamma_t = 0.2 (1 - t/T). */
    ADAPTIVE,
    /** g <- 0.9 g + 0.1 grad l-hat, eps~ = eps-hat + gamma_t g, gamma_t = 0.01 (1 - t/T). */
    SMOOTHED,
    /** gamma_t = 0.01 constant [assumed]. */
    MINIMAL;

    /** EMA decay of the smoothed gradient g. */
    public static final double SMOOTHING_DECAY = 0.9;

    /** gamma_t at chain time t of a T-step chain. */
    public double gamma(int t, int chainLength) {
        double progress = 1 - (double) t / chainLength;
        switch (this) {
            case FIXED:
                return 0.1;
            case ADAPTIVE:
                return 0.2 * progress;
            case SMOOTHED:
                return 0.01 * progress;
            case MINIMAL:
                return 0.01;
            default:
                return 0;
        }
    }
}
