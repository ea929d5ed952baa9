package io.diffusim.config;

import io.diffusim.config.AnalysisSpec.DenoiserAgreement;
import io.diffusim.config.AnalysisSpec.Kl;
import io.diffusim.config.AnalysisSpec.Paired;
import io.diffusim.config.LearnedSpec.Objective;
import io.diffusim.config.ModelSpec.PatchEmpirical;
import io.diffusim.config.SamplerSpec.Kind;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Rules that span blocks (docs/spec-reference.md, docs/science.md §1-3): which samplers run on which process, which
 * models need which data, EqM samplers with EqM fields only, and analysis sizes against the run's.
 * Parts that failed to parse are null and their rules are skipped.
 */
final class CrossChecks {

    private static final Set<Kind> VP_SAMPLERS = EnumSet.of(Kind.DDPM, Kind.DDIM);
    private static final Set<Kind> SIGMA_SAMPLERS = EnumSet.of(Kind.EULER, Kind.HEUN, Kind.LANGEVIN);
    private static final Set<Kind> FM_SAMPLERS = EnumSet.of(Kind.FM_EULER, Kind.FM_HEUN);
    private static final Set<Kind> EQM_SAMPLERS = EnumSet.of(Kind.EQM_GD, Kind.EQM_NAG);
    /** Side of a Fashion-MNIST image. */
    private static final int IMAGE_SIDE = 28;
    /** Data kinds that hold images (an npy array may be plain points too: that is found when it is read). */
    private static final Set<DataSpec.Kind> IMAGE_DATA = EnumSet.of(DataSpec.Kind.FASHION_MNIST, DataSpec.Kind.IDX,
            DataSpec.Kind.PNG, DataSpec.Kind.NPY);
    private static final String IMAGE_WORDS = "fashion-mnist | idx | png | npy";

    private final SpecErrors errors;
    private final DataSpec data;
    private final ProcessSpec process;

    private CrossChecks(SpecErrors errors, DataSpec data, ProcessSpec process) {
        this.errors = errors;
        this.data = data;
        this.process = process;
    }

    static void check(SpecErrors errors, int particles, DataSpec data, ProcessSpec process, ModelSpec model,
            SamplerSpec sampler, List<AnalysisSpec> analyses) {
        CrossChecks checks = new CrossChecks(errors, data, process);
        checks.model("run.model", model);
        checks.sampler("run.sampler", sampler);
        checks.pair("run.sampler", sampler, "run.model", model);
        for (int i = 0; i < analyses.size(); i++) {
            String at = "run.analyses[" + i + "]";
            AnalysisSpec analysis = analyses.get(i);
            if (analysis instanceof Kl kl) {
                if (inapplicable(kl, particles, data).isPresent()) {
                    errors.addIfFirst(at + ".k", Integer.toString(kl.k()),
                            "expected an integer < min(particles, data.n) = " + klLimit(particles, data));
                }
            } else if (analysis instanceof DenoiserAgreement agreement) {
                checks.model(at + ".model", agreement.model());
            } else if (analysis instanceof Paired paired) {
                // Only what the analysis gives itself; the run's own parts are checked above.
                boolean ownSampler = !paired.sampler().equals(sampler);
                boolean ownModel = !paired.model().equals(model);
                if (ownSampler) {
                    checks.sampler(at + ".sampler", paired.sampler());
                }
                if (ownModel) {
                    checks.model(at + ".model", paired.model());
                }
                if (ownSampler || ownModel) {
                    checks.pair(at + ".sampler", paired.sampler(), at + ".model", paired.model());
                }
            }
        }
    }

    /**
     * Why an analysis cannot apply to a run of this size, if it cannot: the kNN KL estimator needs
     * {@code k < min(particles, data.n)} (docs/science.md §7.5). Empty when it can, or when a part is unknown.
     */
    /** A training job trains a network: the model must be one that training applies to. */
    static void job(SpecErrors errors, RunSpec.Job job, ModelSpec model) {
        if (job == RunSpec.Job.TRAIN && model != null && model.asLearned().isEmpty()) {
            errors.addIfFirst("run.job", "train", "sample: job = train trains a network and needs model.kind = mlp | unet, "
                    + "not " + Words.of(model.kind()));
        }
    }

    static Optional<String> inapplicable(AnalysisSpec analysis, int particles, DataSpec data) {
        if (analysis instanceof Kl kl && kl.k() >= klLimit(particles, data)) {
            boolean fewParticles = data == null || particles <= data.n();
            return Optional.of("k = " + kl.k() + " needs " + (fewParticles ? "particles" : "data.n") + " > " + kl.k()
                    + " (" + (fewParticles ? "particles = " + particles : "data.n = " + data.n()) + ")");
        }
        return Optional.empty();
    }

    private static int klLimit(int particles, DataSpec data) {
        return Math.min(particles, data == null ? Integer.MAX_VALUE : data.n());
    }

    private void model(String at, ModelSpec model) {
        if (model == null || data == null) {
            return;
        }
        boolean images = IMAGE_DATA.contains(data.kind());
        if (model.kind() == ModelSpec.Kind.GMM_EXACT && data.kind() != DataSpec.Kind.GMM) {
            errors.addIfFirst(at + ".kind", word(model.kind()), "needs data.kind = gmm (data.kind is " + word(data.kind()) + ")");
        }
        boolean local = model instanceof PatchEmpirical || model instanceof ModelSpec.PatchFlex;
        if (local && !images) {
            errors.addIfFirst(at + ".kind", word(model.kind()), "needs image data: data.kind = " + IMAGE_WORDS
                    + " (data.kind is " + word(data.kind()) + ")");
        } else if (model.flip() && !images) {
            errors.addIfFirst(at + ".flip", "true", "horizontal flips need image data: data.kind = " + IMAGE_WORDS
                    + " (data.kind is " + word(data.kind()) + ")");
        }
        // only Fashion-MNIST's size is known before its files are read; the others are checked when they are
        if (data.kind() == DataSpec.Kind.FASHION_MNIST) {
            if (model instanceof PatchEmpirical patch) {
                largestPatch(patch).filter(p -> p > IMAGE_SIDE).ifPresent(p -> errors.addIfFirst(
                        at + (patch.schedule().isPresent() ? ".patch-schedule" : ".patch"), Integer.toString(p),
                        "expected patch sizes <= " + IMAGE_SIDE + " (the image side)"));
            }
            if (model instanceof ModelSpec.Wiener wiener && wiener.rank() > IMAGE_SIDE * IMAGE_SIDE) {
                errors.addIfFirst(at + ".rank", Integer.toString(wiener.rank()),
                        "expected an integer <= " + IMAGE_SIDE * IMAGE_SIDE + " (the data dimension; 0 = all)");
            }
        }
        model.asLearned().filter(l -> l.objective() == Objective.V).ifPresent(l -> {
            if (process != null && process.kind() != ProcessSpec.Kind.VP) {
                errors.addIfFirst(at + ".objective", "v", "needs process.kind = vp (v-prediction requires a^2 + b^2 = 1)");
            }
        });
    }

    private void sampler(String at, SamplerSpec sampler) {
        if (sampler == null || process == null) {
            return;
        }
        Kind kind = sampler.kind();
        ProcessSpec.Kind p = process.kind();
        String needs = VP_SAMPLERS.contains(kind) && p != ProcessSpec.Kind.VP ? "vp"
                : SIGMA_SAMPLERS.contains(kind) && p != ProcessSpec.Kind.VE && p != ProcessSpec.Kind.EDM ? "ve | edm"
                : FM_SAMPLERS.contains(kind) && p != ProcessSpec.Kind.FM ? "fm" : null;
        if (needs != null) {
            errors.addIfFirst(at + ".kind", word(kind), "needs process.kind = " + needs + " (process.kind is " + word(p) + ")");
        }
        if (sampler instanceof SamplerSpec.Ddim ddim && process instanceof ProcessSpec.Vp vp
                && ddim.steps() > vp.schedule().length()) {
            errors.addIfFirst(at + ".steps", Integer.toString(ddim.steps()), "expected an integer <= the chain length "
                    + vp.schedule().length() + " of the process (0 = all)");
        }
    }

    private void pair(String samplerAt, SamplerSpec sampler, String modelAt, ModelSpec model) {
        if (sampler == null || model == null) {
            return;
        }
        boolean eqmSampler = EQM_SAMPLERS.contains(sampler.kind());
        boolean eqmModel = model.kind() == ModelSpec.Kind.EQM_EMPIRICAL
                || model.asLearned().filter(l -> l.objective() == Objective.EQM).isPresent();
        if (eqmSampler && !eqmModel) {
            errors.addIfFirst(samplerAt + ".kind", word(sampler.kind()),
                    "needs an EqM gradient field: model.kind = eqm-empirical, or mlp | unet with objective = eqm");
        } else if (eqmModel && !eqmSampler) {
            errors.addIfFirst(modelAt + ".kind", word(model.kind()),
                    "an EqM gradient field needs sampler.kind = eqm-gd | eqm-nag (sampler.kind is " + word(sampler.kind()) + ")");
        }
        if (sampler instanceof SamplerSpec.Ddpm ddpm && ddpm.guidance().kind() != GuidanceSpec.Kind.NONE
                && ddpm.guidance().density() == GuidanceSpec.Density.MODEL_HEAD
                && model.asLearned().filter(LearnedSpec::densityHead).isEmpty()) {
            errors.addIfFirst(samplerAt + ".guidance.density", "model-head", "needs mlp | unet with density-head = true");
        }
    }

    /** The largest patch a fixed size or a user's table asks for; the pspc table is fitted to the image. */
    private static Optional<Integer> largestPatch(PatchEmpirical patch) {
        if (patch.schedule().isEmpty()) {
            return Optional.of(patch.patch());
        }
        return patch.schedule().get() instanceof LevelSchedule.Table table
                ? table.levels().stream().map(l -> (int) l.value()).max(Integer::compare)
                : Optional.empty();
    }

    private static String word(Enum<?> constant) {
        return Words.of(constant);
    }
}
