package io.diffusim.model.process;

/**
 * An affine corruption {@code x_t = a(t) x_0 + b(t) eps}, {@code eps ~ N(0, I)} (docs/science.md §1.1).
 *
 * <p>Time is the process's own: the integer index for discrete VP chains, sigma for VE/EDM,
 * {@code t in [0, 1]} for flow matching, gamma for the EqM corruption. Implementations are immutable
 * and thread-safe; every coefficient is computed in double.
 */
public interface ForwardProcess {

    /** Signal coefficient a(t) > 0. */
    double a(double t);

    /** Noise coefficient b(t) >= 0. */
    double b(double t);

    /** da/dt. */
    double aDot(double t);

    /** db/dt. */
    double bDot(double t);

    /** Smallest admissible time (inclusive). */
    double tMin();

    /** Largest admissible time (inclusive); the noise end for every process but the EqM corruption. */
    double tMax();

    /** True when a^2 + b^2 = 1 for every t (variance preserving), which v-prediction requires. */
    default boolean variancePreserving() {
        return false;
    }
}
