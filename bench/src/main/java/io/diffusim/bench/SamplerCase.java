package io.diffusim.bench;

import io.diffusim.model.denoise.EvalRequest;
import io.diffusim.model.denoise.NoiseCoefficients;
import io.diffusim.model.denoise.Prediction;
import io.diffusim.model.process.FlowMatchingProcess;
import io.diffusim.model.process.ForwardProcess;
import io.diffusim.model.process.LinearBetaSchedule;
import io.diffusim.model.process.VeProcess;
import io.diffusim.model.process.grid.DdimSubsequence;
import io.diffusim.model.process.grid.EdmRhoGrid;
import io.diffusim.model.process.grid.NcsnLadder;
import io.diffusim.sampling.Sampler;
import io.diffusim.sampling.edm.EdmChurn;
import io.diffusim.sampling.edm.EdmSampler;
import io.diffusim.sampling.eqm.EqmGradientSampler;
import io.diffusim.sampling.fm.FlowMatchingSampler;
import io.diffusim.sampling.guidance.DensityGuidance;
import io.diffusim.sampling.guidance.DensityGuidedDdpmSampler;
import io.diffusim.sampling.guidance.KdeLogDensity;
import io.diffusim.sampling.langevin.AnnealedLangevinSampler;
import io.diffusim.sampling.vp.DdimSampler;
import io.diffusim.sampling.vp.DdpmAncestralSampler;
import java.util.function.Supplier;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The samplers of docs/science.md §2 (and density-guided DDPM, §7.4) on 2-D particles with docs/spec-reference.md defaults, each with
 * the process whose coefficients its fixed prediction carries ({@code null} for the time-free EqM field).
 */
public enum SamplerCase {

    /** §2.1 on the 100-step linear chain. */
    DDPM(BenchData::vpProcess, SamplerCase::ddpm),
    /** §2.2, 50 linspace steps of the chain, eta = 0. */
    DDIM(BenchData::vpProcess, () -> new DdimSampler(BenchData.vpProcess().alphaBar(),
            DdimSubsequence.linspace(BenchData.VP_TIMESTEPS, 50).timesteps(), 0, BenchData.DIMENSION)),
    /** §2.4 Euler on the 18-step rho-grid, no churn. */
    EULER(VeProcess::edmDefaults, () -> new EdmSampler(EdmRhoGrid.defaults().times(), false, EdmChurn.NONE, BenchData.DIMENSION)),
    /** §2.4 Heun: two model answers per step. */
    HEUN(VeProcess::edmDefaults, () -> new EdmSampler(EdmRhoGrid.defaults().times(), true, EdmChurn.NONE, BenchData.DIMENSION)),
    /** §2.5 Euler, 50 uniform steps. */
    FM_EULER(FlowMatchingProcess::new, () -> new FlowMatchingSampler(FlowMatchingSampler.uniformGrid(50), false, BenchData.DIMENSION)),
    /** §2.5 Heun, 50 uniform steps. */
    FM_HEUN(FlowMatchingProcess::new, () -> new FlowMatchingSampler(FlowMatchingSampler.uniformGrid(50), true, BenchData.DIMENSION)),
    /** §2.6 on the default NCSN ladder, eps_step = 2e-5, 100 steps per level. */
    LANGEVIN(VeProcess::edmDefaults, () -> new AnnealedLangevinSampler(NcsnLadder.defaults().times(), 2e-5, 100, false,
            true, AnnealedLangevinSampler.Init.GAUSSIAN, BenchData.DIMENSION)),
    /** §2.7 gradient descent with the adaptive stop on (its mask is part of the step). */
    EQM_GD(() -> null, () -> eqm(0)),
    /** §2.7 Nesterov, mu = 0.3, adaptive stop on. */
    EQM_NAG(() -> null, () -> eqm(0.3)),
    /** §7.4 adaptive guidance with the KDE gradient over the 1000 moons points. */
    DENSITY_GUIDED_DDPM(BenchData::vpProcess, () -> new DensityGuidedDdpmSampler(ddpm(), DensityGuidance.ADAPTIVE,
            new KdeLogDensity(BenchData.moons().points(), KdeLogDensity.DEFAULT_SUBSAMPLE,
                    KdeLogDensity.DEFAULT_BANDWIDTH, BenchData.SEED)));

    /** A stop threshold no particle reaches under the fixed prediction, so every row stays active. */
    private static final double EQM_STOP = 1e-3;
    /** The fixed prediction's x0 (or field) as a multiple of x: cheap, finite, no model cost. */
    private static final double FIXED_GAIN = 0.5;

    private final Supplier<ForwardProcess> process;
    private final Supplier<Sampler> factory;

    SamplerCase(Supplier<ForwardProcess> process, Supplier<Sampler> factory) {
        this.process = process;
        this.factory = factory;
    }

    /** A new sampler. */
    public Sampler build() {
        return factory.get();
    }

    /** A model answer for the request that costs one array op: x0 = x / 2 at the request's a, b, or the field x / 2. */
    public Prediction fixedPrediction(EvalRequest request) {
        INDArray value = request.x().mul(FIXED_GAIN);
        ForwardProcess p = process.get();
        if (p == null) {
            return Prediction.ofField(request.x(), value);
        }
        NoiseCoefficients coefficients = NoiseCoefficients.of(p, request);
        return Prediction.ofX0(request.x(), value, coefficients.a(), coefficients.b());
    }

    private static DdpmAncestralSampler ddpm() {
        return new DdpmAncestralSampler(LinearBetaSchedule.defaults(BenchData.VP_TIMESTEPS).betas(), BenchData.DIMENSION, false);
    }

    /** eta = 0.0017, K = 250 (docs/spec-reference.md defaults), gradient descent for mu = 0, else Nesterov. */
    private static EqmGradientSampler eqm(double momentum) {
        return new EqmGradientSampler(0.0017, momentum, 250, EQM_STOP, BenchData.DIMENSION);
    }
}
