package io.diffusim.analysis.run;

import io.diffusim.analysis.deviation.DivergenceMode;
import io.diffusim.analysis.run.analyses.DenoiserAgreementAnalysis;
import io.diffusim.analysis.run.analyses.KlAnalysis;
import io.diffusim.analysis.run.analyses.MaskScheduleAnalysis;
import io.diffusim.analysis.run.analyses.NearestNeighbourAnalysis;
import io.diffusim.analysis.run.analyses.NoisePosteriorAnalysis;
import io.diffusim.analysis.run.analyses.PairedAnalysis;
import io.diffusim.analysis.run.analyses.ScheduleDeviationAnalysis;
import io.diffusim.analysis.run.analyses.W1Analysis;
import io.diffusim.config.AnalysisSpec;
import io.diffusim.config.ModelSpec;
import io.diffusim.config.RunSpec;
import io.diffusim.config.Words;
import io.diffusim.model.denoise.Denoiser;
import io.diffusim.model.denoise.Denoisers;
import io.diffusim.model.denoise.ScheduledDenoiser;
import io.diffusim.sampling.NoiseSource;
import io.diffusim.sampling.Samplers;
import java.util.ArrayList;
import java.util.List;

/** The one factory that turns a run's {@code analyses} specs into analyses (docs/spec-reference.md). */
public final class RunAnalyses {

    /** Particles the noise-level posterior is evaluated on per record (its cost is particles x data x grid). */
    public static final int NOISE_POSTERIOR_PARTICLES = 256;

    private RunAnalyses() {
    }

    public static List<RunAnalysis> from(RunParts parts, NoiseSource noise) {
        List<RunAnalysis> analyses = new ArrayList<>();
        List<AnalysisSpec> specs = parts.spec().analyses();
        for (int i = 0; i < specs.size(); i++) {
            analyses.add(one(specs.get(i), i, parts, noise));
        }
        // a scheduled local denoiser's P or tau at each step is part of every run's record
        if (parts.denoiser() instanceof ScheduledDenoiser scheduled) {
            analyses.add(new MaskScheduleAnalysis(scheduled));
        }
        return analyses;
    }

    private static RunAnalysis one(AnalysisSpec spec, int index, RunParts parts, NoiseSource noise) {
        RunSpec run = parts.spec();
        if (spec instanceof AnalysisSpec.Kl kl) {
            return new KlAnalysis(parts.data().points(), kl.k(), kl.base());
        }
        if (spec instanceof AnalysisSpec.NearestNeighbour nn) {
            return new NearestNeighbourAnalysis(parts.data().points(), nn.copyRatio());
        }
        if (spec instanceof AnalysisSpec.W1 w1) {
            return new W1Analysis(parts.data().points(), w1.subsample());
        }
        if (spec instanceof AnalysisSpec.NoisePosterior posterior) {
            return new NoisePosteriorAnalysis(Denoisers.noiseUnconditional(posterior.posterior(), run, parts.data(),
                    parts.process()), NOISE_POSTERIOR_PARTICLES);
        }
        if (spec instanceof AnalysisSpec.Paired paired) {
            return new PairedAnalysis(Samplers.from(paired.sampler(), run, parts.process(), parts.data()),
                    denoiser(paired.model(), parts), noise);
        }
        if (spec instanceof AnalysisSpec.ScheduleDeviation sd) {
            return new ScheduleDeviationAnalysis(parts.denoiser(), sd.kdeSamples(), sd.probes(),
                    DivergenceMode.valueOf(sd.divergence().name()), run.seed());
        }
        if (spec instanceof AnalysisSpec.DenoiserAgreement agreement) {
            return new DenoiserAgreementAnalysis(denoiser(agreement.model(), parts), agreement.label());
        }
        throw new IllegalArgumentException("run.analyses[" + index + "].kind = " + Words.of(spec.kind())
                + " is not available yet in this version; available: kl | nearest-neighbour | w1 | noise-posterior"
                + " | schedule-deviation | paired | denoiser-agreement");
    }

    /** The run's own denoiser when the analysis names the same model, so it is built once. */
    private static Denoiser denoiser(ModelSpec model, RunParts parts) {
        return model.equals(parts.spec().model()) ? parts.denoiser()
                : Denoisers.from(model, parts.spec(), parts.data(), parts.process());
    }
}
