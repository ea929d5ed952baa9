package io.diffusim.actors.runtime;

import io.diffusim.actors.models.ModelRegistry;
import io.diffusim.config.LearnedSpec;
import io.diffusim.config.RunSpec;
import java.util.Optional;

/**
 * The submit-time rules of registered models (docs/user-guide.md "Models"): a training job on the daemon names the
 * model it registers, and a run that samples a registered model names one that exists and is intact.
 */
final class RegisteredModels {

    private RegisteredModels() {
    }

    /** Why {@code spec} cannot be admitted, or empty. */
    static Optional<String> refusal(RunSpec spec, ModelRegistry models) {
        Optional<LearnedSpec> learned = spec.model() == null ? Optional.empty() : spec.model().asLearned();
        if (learned.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> name = learned.get().registered();
        if (spec.job() == RunSpec.Job.TRAIN) {
            return name.isPresent() ? Optional.empty() : Optional.of("run.model.checkpoint: a training job on the "
                    + "daemon registers its model under a name (letters, digits, '-', '_'), e.g. checkpoint = "
                    + "\"moons-eps\"; bin/diffusim train SPEC writes a file instead");
        }
        if (name.isEmpty()) {
            return Optional.empty();
        }
        if (models == null) {
            return Optional.of("run.model.checkpoint = " + name.get() + ": this daemon has no model registry");
        }
        try {
            models.checkpoint(name.get());
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(Failures.message(e));
        }
    }
}
