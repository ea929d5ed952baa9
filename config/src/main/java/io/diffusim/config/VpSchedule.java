package io.diffusim.config;

/** The noise schedule of a discrete VP chain (docs/science.md §1.2), one record per schedule. */
public sealed interface VpSchedule {

    /** The schedules, spelled as in the spec ({@code log-linear}, ...). */
    enum Kind { LINEAR, QUADRATIC, COSINE, LOG_LINEAR }

    Kind kind();

    /** Length of the chain: T, or L for the log-linear sigma table. */
    int length();

    /** {@code beta_t = beta_min + (beta_max - beta_min) t / (T - 1)}. */
    record Linear(double betaMin, double betaMax, int timesteps) implements VpSchedule {
        public Kind kind() {
            return Kind.LINEAR;
        }

        public int length() {
            return timesteps;
        }
    }

    /** {@code beta_t = (sqrt beta_min + (sqrt beta_max - sqrt beta_min) t / (T - 1))^2}. */
    record Quadratic(double betaMin, double betaMax, int timesteps) implements VpSchedule {
        public Kind kind() {
            return Kind.QUADRATIC;
        }

        public int length() {
            return timesteps;
        }
    }

    /** Nichol and Dhariwal's cosine schedule with offset s ({@code offset}, default 0.008). */
    record Cosine(int timesteps, double offset) implements VpSchedule {
        public Kind kind() {
            return Kind.COSINE;
        }

        public int length() {
            return timesteps;
        }
    }

    /** The log-linear sigma table of L {@code levels} values in [sigma_min, sigma_max], Abar = 1 / (1 + sigma^2). */
    record LogLinear(double sigmaMin, double sigmaMax, int levels) implements VpSchedule {
        public Kind kind() {
            return Kind.LOG_LINEAR;
        }

        public int length() {
            return levels;
        }
    }
}
