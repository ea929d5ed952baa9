package io.diffusim.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A fully resolved, validated run spec (docs/spec-reference.md "The spec"): every default filled in. Built
 * by {@link SpecLoader}, written back by {@link SpecRenderer}; nothing below {@code config} reads HOCON.
 *
 * @param name optional name used in ids and file names
 * @param seed root of all randomness (counter-based, docs/science.md §0)
 * @param particles number of samples drawn
 * @param batchSize particles per ParticleBatch actor
 * @param analyses at most one analysis per kind, in the order given
 * @param recordEvery steps between metric records
 * @param checkpointEvery steps between particle checkpoints (daemon runs)
 * @param job what the spec asks for: samples from its model, or the training of its model
 * @param notes what resolving did that the resolved keys alone do not show, one line each (e.g. a default
 *     analysis dropped because it cannot apply to this run); written as comments above the resolved spec
 */
public record RunSpec(Optional<String> name, long seed, int particles, int batchSize, DataSpec data,
        ProcessSpec process, ModelSpec model, SamplerSpec sampler, List<AnalysisSpec> analyses,
        int recordEvery, int checkpointEvery, Job job, List<String> notes) {

    /** What a spec is run for (docs/spec-reference.md {@code job}). */
    public enum Job { SAMPLE, TRAIN }

    /** A sampling spec without notes. */
    public RunSpec(Optional<String> name, long seed, int particles, int batchSize, DataSpec data,
            ProcessSpec process, ModelSpec model, SamplerSpec sampler, List<AnalysisSpec> analyses,
            int recordEvery, int checkpointEvery) {
        this(name, seed, particles, batchSize, data, process, model, sampler, analyses, recordEvery, checkpointEvery,
                Job.SAMPLE, List.of());
    }

    public RunSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(process, "process");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(sampler, "sampler");
        Objects.requireNonNull(job, "job");
        analyses = List.copyOf(analyses);
        notes = List.copyOf(notes);
    }

    /** This spec with {@code model} in place of its own (e.g. a registered model's name resolved to its file). */
    public RunSpec withModel(ModelSpec replacement) {
        return new RunSpec(name, seed, particles, batchSize, data, process, replacement, sampler, analyses, recordEvery,
                checkpointEvery, job, notes);
    }
}
