package io.diffusim.config;

import java.util.Objects;

/** The forward process {@code x_t = a(t) x_0 + b(t) eps} of a run (docs/science.md §1.1; docs/spec-reference.md {@code process}). */
public sealed interface ProcessSpec {

    /** The kinds of forward process. */
    enum Kind { VP, VE, EDM, FM }

    Kind kind();

    /** Discrete variance-preserving chain t = 0..T-1 with the given schedule (docs/science.md §1.2). */
    record Vp(VpSchedule schedule) implements ProcessSpec {
        public Vp {
            Objects.requireNonNull(schedule, "schedule");
        }

        public Kind kind() {
            return Kind.VP;
        }
    }

    /** Variance exploding, a = 1, b = sigma, with the EDM rho-grid for sampling (docs/science.md §1.1, §1.3). */
    record Ve(double sigmaMin, double sigmaMax, double rho) implements ProcessSpec {
        public Kind kind() {
            return Kind.VE;
        }
    }

    /** EDM: VE in sigma with the preconditioning of docs/science.md §1.5 ({@code sigmaData} = sigma_d). */
    record Edm(double sigmaMin, double sigmaMax, double rho, double sigmaData) implements ProcessSpec {
        public Kind kind() {
            return Kind.EDM;
        }
    }

    /** Flow matching / rectified flow, a = 1 - t, b = t (docs/science.md §1.1). */
    record Fm() implements ProcessSpec {
        public Kind kind() {
            return Kind.FM;
        }
    }
}
