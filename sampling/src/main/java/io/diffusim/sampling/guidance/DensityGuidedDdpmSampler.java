package io.diffusim.sampling.guidance;

import io.diffusim.model.denoise.EvalRequest;
import io.diffusim.model.denoise.Prediction;
import io.diffusim.sampling.NoiseSource;
import io.diffusim.sampling.Sampler;
import io.diffusim.sampling.SamplerState;
import io.diffusim.sampling.SamplerSteps;
import io.diffusim.sampling.vp.DdpmAncestralSampler;
import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Density-guided DDPM (docs/science.md §7.4): the DDPM step of §2.1 with eps~ = eps-hat + gamma_t grad l-hat
 * (or the smoothed gradient g, kept in aux), decorating a {@link DdpmAncestralSampler}.
 */
public final class DensityGuidedDdpmSampler implements Sampler {

    /** Aux key of the smoothed gradient g (SMOOTHED only). */
    public static final String SMOOTHED_GRADIENT = "g";

    private final DdpmAncestralSampler ddpm;
    private final DensityGuidance variant;
    private final LogDensityGradient density;

    public DensityGuidedDdpmSampler(DdpmAncestralSampler ddpm, DensityGuidance variant, LogDensityGradient density) {
        if (ddpm == null || variant == null || density == null) {
            throw new IllegalArgumentException("sampler, variant and density gradient are required, got "
                    + ddpm + ", " + variant + ", " + density);
        }
        this.ddpm = ddpm;
        this.variant = variant;
        this.density = density;
    }

    @Override
    public SamplerState start(long[] particles, NoiseSource noise) {
        SamplerState state = ddpm.start(particles, noise);
        if (variant != DensityGuidance.SMOOTHED) {
            return state;
        }
        // g is initialised to 0 before the first sampling step [assumed].
        Map<String, INDArray> aux = new HashMap<>(state.aux());
        aux.put(SMOOTHED_GRADIENT, Nd4j.zeros(state.x().dataType(), state.x().shape()));
        return SamplerSteps.initial(particles, state.x(), aux);
    }

    @Override
    public EvalRequest nextEvaluation(SamplerState state) {
        return ddpm.nextEvaluation(state);
    }

    @Override
    public SamplerState accept(SamplerState state, Prediction prediction, NoiseSource noise) {
        int t = ddpm.chainTime(state.step());
        double gamma = variant.gamma(t, ddpm.steps());
        if (variant == DensityGuidance.BASELINE) {
            return ddpm.accept(state, prediction, noise);
        }
        double alphaBar = ddpm.alphaBar(t);
        INDArray gradient = density.gradient(state.x(), t, Math.sqrt(alphaBar), Math.sqrt(1 - alphaBar));
        INDArray direction = gradient;
        if (variant == DensityGuidance.SMOOTHED) {
            double decay = DensityGuidance.SMOOTHING_DECAY;
            direction = gradient.muli(1 - decay).addi(state.aux(SMOOTHED_GRADIENT).mul(decay));
        }
        INDArray guidedEps = direction.mul(gamma).addi(prediction.eps());
        Prediction guided = Prediction.ofEps(prediction.x(), guidedEps, prediction.a(), prediction.b());
        SamplerState next = ddpm.accept(state, guided, noise);
        if (variant != DensityGuidance.SMOOTHED) {
            return next;
        }
        Map<String, INDArray> aux = new HashMap<>(next.aux());
        aux.put(SMOOTHED_GRADIENT, direction);
        return new SamplerState(next.x(), next.particles(), next.step(), next.subStep(), next.nfe(), aux);
    }

    @Override
    public boolean finished(SamplerState state) {
        return ddpm.finished(state);
    }

    @Override
    public int steps() {
        return ddpm.steps();
    }

    @Override
    public double time(SamplerState state) {
        return ddpm.time(state);
    }
}
