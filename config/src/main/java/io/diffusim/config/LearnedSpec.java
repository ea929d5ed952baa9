package io.diffusim.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What the learned models (mlp, unet) share (docs/spec-reference.md {@code model}): whether the network sees t
 * (docs/science.md §3.4), the checkpoint to load, the training objective, the density head (§7.4), the
 * condition input and the training settings.
 *
 * @param checkpoint the checkpoint file to load (or, for a training job, to write)
 * @param registered instead of a file, the name of a model in the daemon's registry (docs/user-guide.md "Models")
 */
public record LearnedSpec(boolean noiseConditional, Optional<Path> checkpoint, Objective objective,
        boolean densityHead, Condition condition, TrainSpec train, Optional<String> registered) {

    /**
     * How a {@code checkpoint} value names a model of the daemon's registry instead of a file: letters, digits, '-'
     * and '_' only (a file name has a dot or a slash: {@code moons.ckpt}, {@code ./moons}).
     */
    public static final java.util.regex.Pattern REGISTERED_NAME = java.util.regex.Pattern.compile(
            "[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    /** Training objectives (docs/science.md §1.4, §1.5, §3.5, §5.3). */
    public enum Objective { EPS, X0, V, EDM, UEDM, FM, EQM, NCSN, SSM, SSM_VR }

    /** Condition input of the network. */
    public enum Condition { NONE, CLASS, VECTOR }

    public LearnedSpec {
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(objective, "objective");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(registered, "registered");
        if (checkpoint.isPresent() && registered.isPresent()) {
            throw new IllegalArgumentException("a checkpoint file or a registered model, not both");
        }
    }

    /** These settings loading {@code file} instead of a registered model. */
    public LearnedSpec withCheckpoint(Path file) {
        return new LearnedSpec(noiseConditional, Optional.of(file), objective, densityHead, condition, train,
                Optional.empty());
    }
}
