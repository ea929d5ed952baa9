package io.diffusim.config;

import java.util.Objects;

/**
 * The reverse-process sampler of a run (docs/spec-reference.md {@code sampler}; docs/science.md §2), one record per
 * kind. {@code steps = 0} means the natural count: T for VP chains, 18 for EDM, 50 for flow
 * matching, {@code maxSteps} for EqM.
 */
public sealed interface SamplerSpec {

    /** The kinds of sampler, spelled as in the spec ({@code fm-euler}, ...). */
    enum Kind { DDPM, DDIM, EULER, HEUN, FM_EULER, FM_HEUN, LANGEVIN, EQM_GD, EQM_NAG }

    /** Choice of a DDIM subsequence of the T-chain (docs/science.md §1.3). */
    enum Spacing { LINSPACE, LEADING, TRAILING }

    /** Initial particles of annealed Langevin (docs/science.md §2.6). */
    enum Init { GAUSSIAN, UNIFORM }

    Kind kind();

    /** DDPM ancestral sampling over the full chain (docs/science.md §2.1), optionally clipping x0-hat and density-guided (§7.4). */
    record Ddpm(boolean clipX0, GuidanceSpec guidance) implements SamplerSpec {
        public Ddpm {
            Objects.requireNonNull(guidance, "guidance");
        }

        public Kind kind() {
            return Kind.DDPM;
        }
    }

    /** DDIM(eta) on a subsequence of the chain (docs/science.md §2.2). */
    record Ddim(int steps, Spacing spacing, double eta) implements SamplerSpec {
        public Ddim {
            Objects.requireNonNull(spacing, "spacing");
        }

        public Kind kind() {
            return Kind.DDIM;
        }
    }

    /** EDM Euler on the rho-grid with optional churn (docs/science.md §2.4). */
    record Euler(int steps, Churn churn) implements SamplerSpec {
        public Euler {
            Objects.requireNonNull(churn, "churn");
        }

        public Kind kind() {
            return Kind.EULER;
        }
    }

    /** EDM Heun on the rho-grid with optional churn (docs/science.md §2.4). */
    record Heun(int steps, Churn churn) implements SamplerSpec {
        public Heun {
            Objects.requireNonNull(churn, "churn");
        }

        public Kind kind() {
            return Kind.HEUN;
        }
    }

    /** Flow-matching Euler on t_i = 1 - i/N (docs/science.md §2.5). */
    record FmEuler(int steps) implements SamplerSpec {
        public Kind kind() {
            return Kind.FM_EULER;
        }
    }

    /** Flow-matching Heun on t_i = 1 - i/N (docs/science.md §2.5). */
    record FmHeun(int steps) implements SamplerSpec {
        public Kind kind() {
            return Kind.FM_HEUN;
        }
    }

    /** NCSN annealed Langevin dynamics on a geometric sigma ladder (docs/science.md §2.6, §1.3). */
    record Langevin(double epsilon, int stepsPerLevel, double sigmaMax, double sigmaMin, int levels,
            boolean paperConvention, boolean finalDenoise, Init init) implements SamplerSpec {
        public Langevin {
            Objects.requireNonNull(init, "init");
        }

        public Kind kind() {
            return Kind.LANGEVIN;
        }
    }

    /** EqM gradient descent with per-particle adaptive stop (docs/science.md §2.7). */
    record EqmGd(int steps, double stepSize, int maxSteps, double stopGradientNorm) implements SamplerSpec {
        public Kind kind() {
            return Kind.EQM_GD;
        }
    }

    /** EqM Nesterov gradient descent with per-particle adaptive stop (docs/science.md §2.7). */
    record EqmNag(int steps, double stepSize, double momentum, int maxSteps, double stopGradientNorm)
            implements SamplerSpec {
        public Kind kind() {
            return Kind.EQM_NAG;
        }
    }
}
