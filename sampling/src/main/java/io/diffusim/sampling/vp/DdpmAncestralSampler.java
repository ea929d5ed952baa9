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
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * DDPM ancestral sampling over the full discrete VP chain t = T-1, ..., 0 (docs/science.md §2.1): the
 * model time is the integer t, x_T ~ N(0, I), optional clipping of x0-hat to [-1, 1].
 */
public final class DdpmAncestralSampler implements Sampler {

    /** Lower clip of the posterior variance (docs/science.md §1.2). */
    private static final double MIN_POSTERIOR_VARIANCE = 1e-20;

    private final int dim;
    private final boolean clipX0;
    private final double[] alphaBar;
    private final double[] c1;
    private final double[] c2;
    private final double[] posteriorStd;

    /** @param betas beta_t for t = 0..T-1, each in (0, 1) */
    public DdpmAncestralSampler(double[] betas, int dim, boolean clipX0) {
        this.dim = SamplerSteps.requireDimension(dim);
        this.clipX0 = clipX0;
        int steps = betas.length;
        if (steps < 1) {
            throw new IllegalArgumentException("need at least one beta, got " + steps);
        }
        alphaBar = new double[steps];
        c1 = new double[steps];
        c2 = new double[steps];
        posteriorStd = new double[steps];
        double previous = 1.0;
        for (int t = 0; t < steps; t++) {
            double beta = betas[t];
            if (!(beta > 0 && beta < 1)) {
                throw new IllegalArgumentException("beta[" + t + "] = " + beta + " must lie in (0, 1)");
            }
            alphaBar[t] = previous * (1 - beta);
            c1[t] = beta * Math.sqrt(previous) / (1 - alphaBar[t]);
            c2[t] = (1 - previous) * Math.sqrt(1 - beta) / (1 - alphaBar[t]);
            // By definition no noise is added on the last step (t = 0).
            posteriorStd[t] = t == 0 ? 0 : Math.sqrt(Math.max(beta * (1 - previous) / (1 - alphaBar[t]), MIN_POSTERIOR_VARIANCE));
            previous = alphaBar[t];
        }
    }

    /** Abar_t of the chain. */
    public double alphaBar(int t) {
        return alphaBar[t];
    }

    /** The integer chain time of a step index: T-1-step. */
    public int chainTime(int step) {
        return alphaBar.length - 1 - step;
    }

    @Override
    public SamplerState start(long[] particles, NoiseSource noise) {
        SamplerSteps.requireParticles(particles);
        return SamplerSteps.initial(particles, noise.gaussian(particles, dim, SamplerSteps.INITIAL_STEP, 0), Map.of());
    }

    @Override
    public EvalRequest nextEvaluation(SamplerState state) {
        return new EvalRequest(state.x(), SamplerSteps.timeColumn(state.batch(), chainTime(state.step())), null);
    }

    @Override
    public SamplerState accept(SamplerState state, Prediction prediction, NoiseSource noise) {
        int t = chainTime(state.step());
        double sqrtA = Math.sqrt(alphaBar[t]);
        double epsToX0 = -Math.sqrt(1 / alphaBar[t] - 1);
        if (clipX0) {
            // x0-hat = x / sqrt(Abar) - sqrt(1/Abar - 1) eps-hat, clipped, then mu = c1 x0-hat + c2 x
            INDArray x0 = prediction.eps().mul(epsToX0).addi(state.x().div(sqrtA));
            x0 = Transforms.min(Transforms.max(x0, -1.0, false), 1.0, false);
            INDArray next = x0.muli(c1[t]).addi(state.x().mul(c2[t]));
            if (posteriorStd[t] > 0) {
                next.addi(noise.gaussian(state.particles(), dim, state.step(), 0).muli(posteriorStd[t]));
            }
            return SamplerSteps.advance(state, next, state.aux());
        }
        // The same mean with x0-hat folded in: (c1 / sqrt(Abar) + c2) x + c1 (-sqrt(1/Abar - 1)) eps-hat
        INDArray next = LinearUpdate.of(state, prediction, c1[t] / sqrtA + c2[t], c1[t] * epsToX0, posteriorStd[t],
                noise, dim);
        return SamplerSteps.advance(state, next, state.aux());
    }

    @Override
    public int steps() {
        return alphaBar.length;
    }

    @Override
    public double time(SamplerState state) {
        // After the last step the chain sits at t = -1 (clean data).
        return chainTime(state.step());
    }

    public int dimension() {
        return dim;
    }
}
