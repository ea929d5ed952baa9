package io.diffusim.sampling;

import io.diffusim.config.Churn;
import io.diffusim.config.GuidanceSpec;
import io.diffusim.config.ProcessSpec;
import io.diffusim.config.RunSpec;
import io.diffusim.config.SamplerSpec;
import io.diffusim.config.Words;
import io.diffusim.model.data.Dataset;
import io.diffusim.model.learned.LearnedModels;
import io.diffusim.model.process.ForwardProcess;
import io.diffusim.model.process.VpDiscreteProcess;
import io.diffusim.model.process.grid.DdimSubsequence;
import io.diffusim.model.process.grid.EdmRhoGrid;
import io.diffusim.model.process.grid.FlowMatchingGrid;
import io.diffusim.model.process.grid.NcsnLadder;
import io.diffusim.sampling.edm.EdmChurn;
import io.diffusim.sampling.edm.EdmSampler;
import io.diffusim.sampling.eqm.EqmGradientSampler;
import io.diffusim.sampling.fm.FlowMatchingSampler;
import io.diffusim.sampling.guidance.DensityGuidance;
import io.diffusim.sampling.guidance.DensityGuidedDdpmSampler;
import io.diffusim.sampling.guidance.KdeLogDensity;
import io.diffusim.sampling.guidance.LogDensityGradient;
import io.diffusim.sampling.langevin.AnnealedLangevinSampler;
import io.diffusim.sampling.vp.DdimSampler;
import io.diffusim.sampling.vp.DdpmAncestralSampler;

/**
 * The one factory from a sampler spec to a sampler of docs/science.md §2 over the run's process, in the data's
 * dimension. {@code steps = 0} is the natural count (docs/spec-reference.md): T for vp chains, 18 for the EDM rho-grid, 50 for
 * flow matching, {@code max-steps} sampling steps K for EqM (K - 1 updates, §2.7).
 */
public final class Samplers {

    /** EDM's N (docs/science.md §1.3). */
    public static final int EDM_STEPS = 18;
    /** Flow-matching N (docs/science.md §2.5, NOCOND). */
    public static final int FM_STEPS = 50;

    private Samplers() {
    }

    /** The sampler of {@code spec} (the run's own or one an analysis names) for the run's process and data. */
    public static Sampler from(SamplerSpec spec, RunSpec run, ForwardProcess process, Dataset data) {
        int dim = data.dimension();
        if (spec instanceof SamplerSpec.Ddpm ddpm) {
            DdpmAncestralSampler sampler = new DdpmAncestralSampler(chain(spec, run, process).beta(), dim, ddpm.clipX0());
            return guided(sampler, ddpm.guidance(), run, process, data);
        }
        if (spec instanceof SamplerSpec.Ddim ddim) {
            VpDiscreteProcess chain = chain(spec, run, process);
            int length = chain.timesteps();
            int[] timesteps = new DdimSubsequence(length, ddim.steps() == 0 ? length : ddim.steps(),
                    spacing(ddim.spacing())).timesteps();
            return new DdimSampler(chain.alphaBar(), timesteps, ddim.eta(), dim);
        }
        if (spec instanceof SamplerSpec.Euler euler) {
            return edm(euler.steps(), false, euler.churn(), run, dim);
        }
        if (spec instanceof SamplerSpec.Heun heun) {
            return edm(heun.steps(), true, heun.churn(), run, dim);
        }
        if (spec instanceof SamplerSpec.FmEuler fm) {
            return new FlowMatchingSampler(new FlowMatchingGrid(fm.steps() == 0 ? FM_STEPS : fm.steps()).times(), false, dim);
        }
        if (spec instanceof SamplerSpec.FmHeun fm) {
            return new FlowMatchingSampler(new FlowMatchingGrid(fm.steps() == 0 ? FM_STEPS : fm.steps()).times(), true, dim);
        }
        if (spec instanceof SamplerSpec.Langevin langevin) {
            double[] ladder = new NcsnLadder(langevin.levels(), langevin.sigmaMax(), langevin.sigmaMin()).times();
            return new AnnealedLangevinSampler(ladder, langevin.epsilon(), langevin.stepsPerLevel(),
                    langevin.paperConvention(), langevin.finalDenoise(), init(langevin.init()), dim);
        }
        if (spec instanceof SamplerSpec.EqmGd gd) {
            return EqmGradientSampler.gradientDescent(gd.stepSize(), gd.steps() == 0 ? gd.maxSteps() : gd.steps(),
                    gd.stopGradientNorm(), dim);
        }
        if (spec instanceof SamplerSpec.EqmNag nag) {
            return EqmGradientSampler.nesterov(nag.stepSize(), nag.momentum(),
                    nag.steps() == 0 ? nag.maxSteps() : nag.steps(), nag.stopGradientNorm(), dim);
        }
        throw new IllegalArgumentException("unknown sampler kind " + spec.kind());
    }

    /**
     * DDPM, density-guided when guidance is on (docs/science.md §7.4): by a KDE of the training data, or by the
     * log-density head of the run's mlp.
     */
    private static Sampler guided(DdpmAncestralSampler ddpm, GuidanceSpec guidance, RunSpec run,
                                  ForwardProcess process, Dataset data) {
        if (guidance.kind() == GuidanceSpec.Kind.NONE) {
            return ddpm;
        }
        LogDensityGradient density = guidance.density() == GuidanceSpec.Density.MODEL_HEAD
                ? LogDensityGradient.modelHead(LearnedModels.densityHead(run.model(), run, data, process))
                : new KdeLogDensity(data.points(), guidance.subsample(), guidance.bandwidth(), run.seed());
        return new DensityGuidedDdpmSampler(ddpm, variant(guidance.kind()), density);
    }

    /** EDM Euler / Heun on the rho-grid of the run's ve / edm process, with the terminal 0 (docs/science.md §1.3, §2.4). */
    private static Sampler edm(int steps, boolean heun, Churn churn, RunSpec run, int dim) {
        int n = steps == 0 ? EDM_STEPS : steps;
        EdmRhoGrid grid;
        if (run.process() instanceof ProcessSpec.Ve ve) {
            grid = new EdmRhoGrid(n, ve.sigmaMin(), ve.sigmaMax(), ve.rho());
        } else if (run.process() instanceof ProcessSpec.Edm edm) {
            grid = new EdmRhoGrid(n, edm.sigmaMin(), edm.sigmaMax(), edm.rho());
        } else {
            throw new IllegalArgumentException("sampler.kind = " + (heun ? "heun" : "euler")
                    + " needs process.kind = ve | edm, got " + Words.of(run.process().kind()));
        }
        EdmChurn edmChurn = new EdmChurn(churn.sChurn(), churn.sMin(), churn.sMax(), churn.sNoise());
        return new EdmSampler(grid.times(), heun, edmChurn, dim);
    }

    private static VpDiscreteProcess chain(SamplerSpec spec, RunSpec run, ForwardProcess process) {
        if (process instanceof VpDiscreteProcess chain) {
            return chain;
        }
        throw new IllegalArgumentException("sampler.kind = " + Words.of(spec.kind()) + " needs process.kind = vp (a "
                + "discrete chain), got " + Words.of(run.process().kind()));
    }

    private static DdimSubsequence.Spacing spacing(SamplerSpec.Spacing spacing) {
        return switch (spacing) {
            case LINSPACE -> DdimSubsequence.Spacing.LINSPACE;
            case LEADING -> DdimSubsequence.Spacing.LEADING;
            case TRAILING -> DdimSubsequence.Spacing.TRAILING;
        };
    }

    private static AnnealedLangevinSampler.Init init(SamplerSpec.Init init) {
        return switch (init) {
            case GAUSSIAN -> AnnealedLangevinSampler.Init.GAUSSIAN;
            case UNIFORM -> AnnealedLangevinSampler.Init.UNIFORM;
        };
    }

    private static DensityGuidance variant(GuidanceSpec.Kind kind) {
        return switch (kind) {
            case NONE -> DensityGuidance.BASELINE;
            case FIXED -> DensityGuidance.FIXED;
            case ADAPTIVE -> DensityGuidance.ADAPTIVE;
            case SMOOTHED -> DensityGuidance.SMOOTHED;
            case MINIMAL -> DensityGuidance.MINIMAL;
        };
    }
}
