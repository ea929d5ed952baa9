package io.diffusim.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The denoiser of a run (docs/spec-reference.md {@code model}): the closed-form models of docs/science.md §3, the
 * learned networks of §7.3 / §4.7, or an imported ONNX network; one record per kind.
 */
public sealed interface ModelSpec {

    /** The kinds of model, spelled as in the spec ({@code gmm-exact}, ...). */
    enum Kind { GMM_EXACT, EMPIRICAL, EMPIRICAL_UNCONDITIONAL, PATCH_EMPIRICAL, PATCH_FLEX, WIENER, EQM_EMPIRICAL, MLP, UNET, ONNX }

    Kind kind();

    /** True when the model is built on the data and their mirror images (the records with a {@code flip} key). */
    default boolean flip() {
        return false;
    }

    /** The learned-model settings, for mlp and unet. */
    default Optional<LearnedSpec> asLearned() {
        return Optional.empty();
    }

    /** This learned model with other learned-model settings (its architecture kept); only for mlp and unet. */
    default ModelSpec withLearned(LearnedSpec learned) {
        throw new UnsupportedOperationException(kind() + " is not a learned model");
    }

    /** Exact posterior of the data's Gaussian mixture (docs/science.md §3.1); needs {@code data.kind = gmm}. */
    record GmmExact() implements ModelSpec {
        public Kind kind() {
            return Kind.GMM_EXACT;
        }
    }

    /** Optimal empirical denoiser (docs/science.md §3.2), optionally with flips and the conditional kernel width h_c. */
    record Empirical(boolean flip, double conditionBandwidth) implements ModelSpec {
        public Kind kind() {
            return Kind.EMPIRICAL;
        }
    }

    /** Noise-unconditional effective target of the empirical denoiser (docs/science.md §3.4). */
    record EmpiricalUnconditional(boolean flip, double conditionBandwidth, TimePosteriorSpec posterior)
            implements ModelSpec {
        public EmpiricalUnconditional {
            Objects.requireNonNull(posterior, "posterior");
        }

        public Kind kind() {
            return Kind.EMPIRICAL_UNCONDITIONAL;
        }
    }

    /**
     * PSPC-Square, the patch-local empirical denoiser with square patches (docs/science.md §3.6); needs image data.
     * The patch size is {@code patch} at every noise level, or per level from {@code schedule} when one is given.
     */
    record PatchEmpirical(int patch, Optional<LevelSchedule> schedule, int stride, boolean flip) implements ModelSpec {
        public PatchEmpirical {
            Objects.requireNonNull(schedule, "schedule");
        }

        /** A fixed patch size. */
        public PatchEmpirical(int patch, int stride, boolean flip) {
            this(patch, Optional.empty(), stride, flip);
        }

        public Kind kind() {
            return Kind.PATCH_EMPIRICAL;
        }
    }

    /**
     * PSPC-Flex (docs/science.md §3.6): per-pixel masks holding a share tau of a heat map's mass, tau per noise level
     * from {@code tau}; heat maps from an .npy file, or isotropic Gaussians of std {@code heatStd} pixels when none.
     */
    record PatchFlex(LevelSchedule tau, Optional<Path> heatMaps, double heatStd, boolean flip) implements ModelSpec {
        public PatchFlex {
            Objects.requireNonNull(tau, "tau");
            Objects.requireNonNull(heatMaps, "heatMaps");
        }

        public Kind kind() {
            return Kind.PATCH_FLEX;
        }
    }

    /**
     * Gaussian (Wiener) denoiser of the data's mean and covariance, top {@code rank} eigenpairs, 0 = all (docs/science.md §3.3),
     * fitted on the flip-augmented set when {@code flip}.
     */
    record Wiener(int rank, boolean flip) implements ModelSpec {
        /** Without flips. */
        public Wiener(int rank) {
            this(rank, false);
        }

        public Kind kind() {
            return Kind.WIENER;
        }
    }

    /** Optimal EqM gradient field of the empirical set on a midpoint gamma grid of {@code grid} points (docs/science.md §3.5). */
    record EqmEmpirical(EqmMagnitude magnitude, int grid) implements ModelSpec {
        public EqmEmpirical {
            Objects.requireNonNull(magnitude, "magnitude");
        }

        public Kind kind() {
            return Kind.EQM_EMPIRICAL;
        }
    }

    /**
     * The MLP denoiser of docs/science.md §7.3: {@code width} hidden units and {@code blocks} residual blocks (256 and
     * 3 in the reference), on 128-wide sinusoidal embeddings.
     */
    record Mlp(LearnedSpec learned, int width, int blocks) implements ModelSpec {
        public Mlp {
            Objects.requireNonNull(learned, "learned");
        }

        public Kind kind() {
            return Kind.MLP;
        }

        @Override
        public ModelSpec withLearned(LearnedSpec other) {
            return new Mlp(other, width, blocks);
        }

        @Override
        public Optional<LearnedSpec> asLearned() {
            return Optional.of(learned);
        }
    }

    /**
     * The small U-Net of docs/science.md §7.3b for image data: {@code width} feature maps at full size (twice that
     * at half and quarter size).
     */
    record Unet(LearnedSpec learned, int width) implements ModelSpec {
        public Unet {
            Objects.requireNonNull(learned, "learned");
        }

        public Kind kind() {
            return Kind.UNET;
        }

        @Override
        public ModelSpec withLearned(LearnedSpec other) {
            return new Unet(other, width);
        }

        @Override
        public Optional<LearnedSpec> asLearned() {
            return Optional.of(learned);
        }
    }

    /** A network exported to ONNX, its output parameterisation and whether it takes a time input. */
    record Onnx(Path path, Parameterisation parameterisation, boolean timeInput) implements ModelSpec {
        public Onnx {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(parameterisation, "parameterisation");
        }

        public Kind kind() {
            return Kind.ONNX;
        }
    }
}
