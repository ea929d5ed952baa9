package io.diffusim.sampling.sigma;

import io.diffusim.model.denoise.EvalRequest;
import io.diffusim.model.denoise.Prediction;
import io.diffusim.sampling.NoiseSource;
import io.diffusim.sampling.Sampler;
import io.diffusim.sampling.SamplerState;
import io.diffusim.sampling.SamplerSteps;
import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The generalised sigma-space sampler of smalldiffusion with momentum gamma and noise mixing mu
 * (docs/science.md §2.3); the model is asked for eps-hat in VE space at time sigma, x_0 = sigma_0 z.
 */
public final class GeneralisedSigmaSampler implements Sampler {

    /** Aux key of the previous step's eps-hat. */
    public static final String EPS_PREVIOUS = "epsPrev";

    private final int dim;
    private final double[] sigmas;
    private final double gamma;
    private final double mu;

    /**
     * @param sigmas descending grid sigma_0 > ... > sigma_S (S steps)
     * @param gamma eps averaging weight, 1 = no momentum (0 is a legal value, not "default")
     * @param mu noise mixing in [0, 1)
     */
    public GeneralisedSigmaSampler(double[] sigmas, double gamma, double mu, int dim) {
        this.dim = SamplerSteps.requireDimension(dim);
        this.sigmas = SamplerSteps.requireDescending(sigmas, "sigmas");
        if (!Double.isFinite(gamma)) {
            throw new IllegalArgumentException("gamma must be finite, got " + gamma);
        }
        if (!(mu >= 0 && mu < 1)) {
            throw new IllegalArgumentException("mu must lie in [0, 1), got " + mu);
        }
        this.gamma = gamma;
        this.mu = mu;
    }

    /** Preset DDIM: (gamma, mu) = (1, 0). */
    public static GeneralisedSigmaSampler ddim(double[] sigmas, int dim) {
        return new GeneralisedSigmaSampler(sigmas, 1, 0, dim);
    }

    /** Preset DDPM: (gamma, mu) = (1, 1/2), the exact VE posterior step. */
    public static GeneralisedSigmaSampler ddpm(double[] sigmas, int dim) {
        return new GeneralisedSigmaSampler(sigmas, 1, 0.5, dim);
    }

    /** Preset gradient estimation / accelerated: (gamma, mu) = (2, 0). */
    public static GeneralisedSigmaSampler gradientEstimation(double[] sigmas, int dim) {
        return new GeneralisedSigmaSampler(sigmas, 2, 0, dim);
    }

    @Override
    public SamplerState start(long[] particles, NoiseSource noise) {
        SamplerSteps.requireParticles(particles);
        INDArray x = noise.gaussian(particles, dim, SamplerSteps.INITIAL_STEP, 0).muli(sigmas[0]);
        return SamplerSteps.initial(particles, x, Map.of());
    }

    @Override
    public EvalRequest nextEvaluation(SamplerState state) {
        return new EvalRequest(state.x(), SamplerSteps.timeColumn(state.batch(), sigmas[state.step()]), null);
    }

    @Override
    public SamplerState accept(SamplerState state, Prediction prediction, NoiseSource noise) {
        int i = state.step();
        double sigma = sigmas[i];
        double sigmaNext = sigmas[i + 1];
        INDArray eps = prediction.eps();
        INDArray epsPrevious = state.aux(EPS_PREVIOUS);
        INDArray epsAverage = epsPrevious == null ? eps : eps.mul(gamma).addi(epsPrevious.mul(1 - gamma));
        // sigma_p chosen so that sigma' = sigma^mu sigma_p^(1-mu)
        double sigmaP = Math.pow(sigmaNext / Math.pow(sigma, mu), 1 / (1 - mu));
        double noiseScale = Math.sqrt(Math.max(sigmaNext * sigmaNext - sigmaP * sigmaP, 0));
        INDArray next = epsAverage.mul(-(sigma - sigmaP)).addi(state.x());
        if (noiseScale > 0) {
            next.addi(noise.gaussian(state.particles(), dim, i, 0).muli(noiseScale));
        }
        Map<String, INDArray> aux = new HashMap<>(state.aux());
        aux.put(EPS_PREVIOUS, eps);
        return SamplerSteps.advance(state, next, aux);
    }

    @Override
    public int steps() {
        return sigmas.length - 1;
    }

    @Override
    public double time(SamplerState state) {
        return sigmas[Math.min(state.step(), sigmas.length - 1)];
    }

    public int dimension() {
        return dim;
    }
}
