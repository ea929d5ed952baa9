package io.diffusim.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What the learned models (mlp, unet) share (docs/spec-reference.md {@code model}): whether the network sees t
 * (docs/science.md §3.4), the checkpoint to load, the training objective, the density head (§7.4), the
 * condition input and the training settings.
 */
public record LearnedSpec(boolean noiseConditional, Optional<Path> checkpoint, Objective objective,
        boolean densityHead, Condition condition, TrainSpec train) {

    /** Training objectives (docs/science.md §1.4, §1.5, §3.5, §5.3). */
    public enum Objective { EPS, X0, V, EDM, UEDM, FM, EQM, NCSN, SSM, SSM_VR }

    /** Condition input of the network. */
    public enum Condition { NONE, CLASS, VECTOR }

    public LearnedSpec {
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(objective, "objective");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(train, "train");
    }
}
