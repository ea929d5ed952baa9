package io.diffusim.config;

import static io.diffusim.config.Fields.count;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** The HOCON form of {@link RunSpec}: the {@code run} block (docs/spec-reference.md "The spec"). */
final class RunCodec {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private RunCodec() {
    }

    /**
     * The run, or null when anything is wrong (every error recorded, cross-block rules included). Without
     * {@code withAnalyses} the {@code analyses} key is not read at all and the run has none (for tools that
     * only evaluate the model). Default analyses that cannot apply to the run are dropped with a note.
     */
    static RunSpec read(Block run, boolean withAnalyses) {
        Optional<String> name = Fields.optionalString(run, "name", NAME.asMatchPredicate(),
                "1-64 characters from A-Z a-z 0-9 . _ -");
        long seed = Fields.longInteger(run, "seed", IntRange.NON_NEGATIVE);
        int particles = count(run, "particles", Limits.PARTICLES);
        int batchSize = count(run, "batch-size", Limits.BATCH);
        DataSpec data = DataCodec.read(run.child("data"));
        ProcessSpec process = ProcessCodec.read(run.child("process"));
        ModelSpec model = ModelCodec.read(run.child("model"));
        SamplerSpec sampler = SamplerCodec.read(run.child("sampler"));
        List<AnalysisSpec> analyses = withAnalyses ? AnalysisCodec.read(run, model, sampler) : List.of();
        int recordEvery = count(run, "record-every", IntRange.POSITIVE);
        int checkpointEvery = count(run, "checkpoint-every", IntRange.POSITIVE);
        RunSpec.Job job = Fields.word(run, "job", RunSpec.Job.class);
        run.finish();
        List<String> notes = new ArrayList<>();
        if (withAnalyses && !run.given("analyses")) {
            analyses = applicableDefaults(analyses, particles, data, notes);
        }
        CrossChecks.check(run.context().errors(), particles, data, process, model, sampler, analyses);
        CrossChecks.job(run.context().errors(), job, model);
        if (!run.context().errors().isEmpty() || analyses.stream().anyMatch(Objects::isNull)) {
            return null;
        }
        return new RunSpec(name, seed, particles, batchSize, data, process, model, sampler, analyses, recordEvery,
                checkpointEvery, job, notes);
    }

    /** The default analyses that apply to the run; each one that cannot is dropped with a note saying why. */
    private static List<AnalysisSpec> applicableDefaults(List<AnalysisSpec> defaults, int particles, DataSpec data,
            List<String> notes) {
        List<AnalysisSpec> kept = new ArrayList<>();
        for (AnalysisSpec analysis : defaults) {
            Optional<String> problem = analysis == null ? Optional.empty() : CrossChecks.inapplicable(analysis, particles, data);
            if (problem.isPresent()) {
                notes.add("dropped default analysis " + Words.of(analysis.kind()) + ": " + problem.get());
            } else {
                kept.add(analysis);
            }
        }
        return kept;
    }

    static Map<String, Object> write(RunSpec spec) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("name", spec.name().orElse(null));
        run.put("seed", spec.seed());
        run.put("particles", spec.particles());
        run.put("batch-size", spec.batchSize());
        run.put("data", DataCodec.write(spec.data()));
        run.put("process", ProcessCodec.write(spec.process()));
        run.put("model", ModelCodec.write(spec.model()));
        run.put("sampler", SamplerCodec.write(spec.sampler()));
        run.put("analyses", AnalysisCodec.write(spec.analyses()));
        run.put("record-every", spec.recordEvery());
        run.put("checkpoint-every", spec.checkpointEvery());
        run.put("job", spec.job());
        return run;
    }
}
