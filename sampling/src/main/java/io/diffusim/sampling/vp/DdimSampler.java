package io.diffusim.sampling.vp;

import io.diffusim.model.denoise.EvalRequest;
import io.diffusim.model.denoise.Prediction;
import io.diffusim.sampling.LinearUpdate;
import io.diffusim.sampling.NoiseSource;
import io.diffusim.sampling.Sampler;
import io.diffusim.sampling.SamplerState;
import io.diffusim.sampling.SamplerSteps;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DDIM(eta) on an arbitrary descending subsequence tau_0 > ... > tau_{S-1} of a discrete VP chain, the
 * last step going to Abar = 1 (docs/science.md §2.2); x_T ~ N(0, I), the model time is the integer tau_j.
 */
public final class DdimSampler implements Sampler {

    private final int dim;
    private final int[] timesteps;
    private final double[] alphaBar;
    private final double eta;

    /**
     * @param alphaBar Abar_t for t = 0..T-1
     * @param timesteps strictly decreasing chain indices tau_j in [0, T-1]
     * @param eta 0 for deterministic DDIM, 1 for the DDPM posterior variance
     */
    public DdimSampler(double[] alphaBar, int[] timesteps, double eta, int dim) {
        this.dim = SamplerSteps.requireDimension(dim);
        this.eta = SamplerSteps.requireNonNegative(eta, "eta");
        if (timesteps.length < 1) {
            throw new IllegalArgumentException("need at least one timestep, got " + timesteps.length);
        }
        for (int j = 0; j < timesteps.length; j++) {
            if (timesteps[j] < 0 || timesteps[j] >= alphaBar.length || (j > 0 && timesteps[j] >= timesteps[j - 1])) {
                throw new IllegalArgumentException("timestep[" + j + "] = " + timesteps[j]
                        + " is not a strictly decreasing index into " + alphaBar.length + " alphaBar values");
            }
        }
        for (int t = 0; t < alphaBar.length; t++) {
            if (!(alphaBar[t] > 0 && alphaBar[t] < 1)) {
                throw new IllegalArgumentException("alphaBar[" + t + "] = " + alphaBar[t] + " must lie in (0, 1)");
            }
        }
        this.timesteps = timesteps.clone();
        this.alphaBar = alphaBar.clone();
    }

    /** Abar at the start of step j. */
    private double current(int step) {
        return alphaBar[timesteps[step]];
    }

    /** Abar at the end of step j: the next subsequence entry, or 1 after the last. */
    private double target(int step) {
        return step + 1 < timesteps.length ? alphaBar[timesteps[step + 1]] : 1.0;
    }

    @Override
    public SamplerState start(long[] particles, NoiseSource noise) {
        SamplerSteps.requireParticles(particles);
        return SamplerSteps.initial(particles, noise.gaussian(particles, dim, SamplerSteps.INITIAL_STEP, 0), Map.of());
    }

    @Override
    public EvalRequest nextEvaluation(SamplerState state) {
        return new EvalRequest(state.x(), SamplerSteps.timeColumn(state.batch(), timesteps[state.step()]), null);
    }

    @Override
    public SamplerState accept(SamplerState state, Prediction prediction, NoiseSource noise) {
        double a = current(state.step());
        double aNext = target(state.step());
        double sigmaEta = eta * Math.sqrt((1 - aNext) / (1 - a)) * Math.sqrt(1 - a / aNext);
        double epsCoefficient = Math.sqrt(Math.max(1 - aNext - sigmaEta * sigmaEta, 0));
        // x' = sqrt(A') x0-hat + sqrt(1 - A' - sigma^2) eps-hat + sigma z, with x0-hat = (x - sqrt(1-A) eps-hat)/sqrt(A)
        double scale = Math.sqrt(aNext / a);
        INDArray next = LinearUpdate.of(state, prediction, scale, epsCoefficient - scale * Math.sqrt(1 - a), sigmaEta,
                noise, dim);
        return SamplerSteps.advance(state, next, state.aux());
    }

    @Override
    public int steps() {
        return timesteps.length;
    }

    @Override
    public double time(SamplerState state) {
        // After the last step the state is clean data, chain time -1 (Abar = 1).
        return state.step() < timesteps.length ? timesteps[state.step()] : -1;
    }

    public int dimension() {
        return dim;
    }
}
