package io.diffusim.sampling.langevin;

import io.diffusim.model.denoise.EvalRequest;
import io.diffusim.model.denoise.Prediction;
import io.diffusim.sampling.NoiseSource;
import io.diffusim.sampling.Sampler;
import io.diffusim.sampling.SamplerState;
import io.diffusim.sampling.SamplerSteps;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * NCSN annealed Langevin dynamics over a descending sigma ladder, T_L steps per level with
 * alpha_i = eps_step (sigma_i / sigma_L)^2 (docs/science.md §2.6); code convention x + alpha s + sqrt(2 alpha) z
 * by default, paper convention x + (alpha/2) s + sqrt(alpha) z on request; model time is sigma (VE).
 */
public final class AnnealedLangevinSampler implements Sampler {

    /** How x is initialised: N(0, sigma_1^2 I) for non-image data, U[0, 1]^D for images. */
    public enum Init { GAUSSIAN, UNIFORM }

    private final int dim;
    private final double[] sigmas;
    private final double stepSize;
    private final int stepsPerLevel;
    private final boolean paperConvention;
    private final boolean finalDenoise;
    private final Init init;

    /**
     * @param sigmas descending ladder sigma_1 > ... > sigma_L
     * @param stepSize eps_step (default 2e-5)
     * @param stepsPerLevel T_L (default 100)
     * @param finalDenoise add one noise-free step x + sigma_L^2 s(x, sigma_L) at the end (NCSNv2)
     */
    public AnnealedLangevinSampler(double[] sigmas, double stepSize, int stepsPerLevel, boolean paperConvention,
            boolean finalDenoise, Init init, int dim) {
        this.dim = SamplerSteps.requireDimension(dim);
        this.sigmas = SamplerSteps.requireDescending(sigmas, "sigmas");
        if (sigmas[sigmas.length - 1] <= 0) {
            throw new IllegalArgumentException("sigma_L must be > 0, got " + sigmas[sigmas.length - 1]);
        }
        if (!(stepSize > 0) || !Double.isFinite(stepSize)) {
            throw new IllegalArgumentException("step size must be finite and > 0, got " + stepSize);
        }
        if (stepsPerLevel < 1) {
            throw new IllegalArgumentException("steps per level must be >= 1, got " + stepsPerLevel);
        }
        this.stepSize = stepSize;
        this.stepsPerLevel = stepsPerLevel;
        this.paperConvention = paperConvention;
        this.finalDenoise = finalDenoise;
        this.init = init;
    }

    private int langevinSteps() {
        return sigmas.length * stepsPerLevel;
    }

    private double sigma(int step) {
        return sigmas[Math.min(step / stepsPerLevel, sigmas.length - 1)];
    }

    @Override
    public SamplerState start(long[] particles, NoiseSource noise) {
        SamplerSteps.requireParticles(particles);
        INDArray x = init == Init.UNIFORM
                ? noise.uniform(particles, dim, SamplerSteps.INITIAL_STEP, 0)
                : noise.gaussian(particles, dim, SamplerSteps.INITIAL_STEP, 0).muli(sigmas[0]);
        return SamplerSteps.initial(particles, x, Map.of());
    }

    @Override
    public EvalRequest nextEvaluation(SamplerState state) {
        return new EvalRequest(state.x(), SamplerSteps.timeColumn(state.batch(), sigma(state.step())), null);
    }

    @Override
    public SamplerState accept(SamplerState state, Prediction prediction, NoiseSource noise) {
        int k = state.step();
        INDArray score = prediction.score();
        double sigmaLast = sigmas[sigmas.length - 1];
        if (k >= langevinSteps()) {
            // NCSNv2 final denoising: x + sigma_L^2 s(x, sigma_L), no noise
            return SamplerSteps.advance(state, score.mul(sigmaLast * sigmaLast).addi(state.x()), state.aux());
        }
        double ratio = sigma(k) / sigmaLast;
        double alpha = stepSize * ratio * ratio;
        double drift = paperConvention ? alpha / 2 : alpha;
        double noiseScale = paperConvention ? Math.sqrt(alpha) : Math.sqrt(2 * alpha);
        INDArray next = score.mul(drift).addi(state.x())
                .addi(noise.gaussian(state.particles(), dim, k, 0).muli(noiseScale));
        return SamplerSteps.advance(state, next, state.aux());
    }

    @Override
    public int steps() {
        return langevinSteps() + (finalDenoise ? 1 : 0);
    }

    @Override
    public double time(SamplerState state) {
        return sigma(state.step());
    }

    public int dimension() {
        return dim;
    }
}
