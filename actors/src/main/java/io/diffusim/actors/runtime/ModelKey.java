package io.diffusim.actors.runtime;

import io.diffusim.config.DataSpec;
import io.diffusim.config.ModelSpec;
import io.diffusim.config.ProcessSpec;
import io.diffusim.config.RunSpec;

/**
 * What a run's denoiser is a function of (docs/architecture.md §3: one ModelReplica per model): the model, the data it
 * is built from (generated with the run seed) and the forward process whose time requests carry. Runs with equal
 * keys share one replica.
 */
public record ModelKey(ModelSpec model, DataSpec data, ProcessSpec process, long seed) {

    public static ModelKey of(RunSpec spec) {
        return new ModelKey(spec.model(), spec.data(), spec.process(), spec.seed());
    }

    /**
     * True when each row of an evaluation is bitwise the same whatever other rows share the pass, so a replica may
     * concatenate requests of different batches (verified by ContinuousBatchingIdentityTest). The EqM optimal field
     * (eqm-empirical) is not: its rows differ in the last bits when evaluated together, so its replica evaluates
     * each request alone; so do the patch denoisers (patch-empirical, patch-flex), whose per-pixel averages go through
     * products that are not row-blocked.
     */
    public boolean rowIndependent() {
        return model instanceof ModelSpec.Empirical || model instanceof ModelSpec.GmmExact;
    }
}
