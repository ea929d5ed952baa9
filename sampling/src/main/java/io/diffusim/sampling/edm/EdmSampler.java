package io.diffusim.sampling.edm;

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
 * Karras et al.'s EDM sampler, Euler or Heun with optional churn, on a descending VE grid ending at
 * t_N = 0, using the VE x0-prediction D(x; t) (docs/science.md §2.4); NFE Euler N, Heun 2N-1.
 *
 * <p>The churned point x-hat of step i is drawn when step i-1 completes (after its model call) and
 * kept in aux, so the state's x is always x_i at t_i.
 */
public final class EdmSampler implements Sampler {

    /** Aux key: the churned point x-hat of the current step (absent when gamma_i = 0). */
    public static final String X_HAT = "xHat";
    /** Aux key: Heun's first slope d of the current step. */
    public static final String SLOPE = "d";
    /** Aux key: Heun's Euler predictor x' of the current step. */
    public static final String X_EULER = "xEuler";

    private final int dim;
    private final double[] grid;
    private final boolean heun;
    private final EdmChurn churn;

    /** @param grid descending t_0 > ... > t_N (usually with t_N = 0), N steps */
    public EdmSampler(double[] grid, boolean heun, EdmChurn churn, int dim) {
        this.dim = SamplerSteps.requireDimension(dim);
        this.grid = SamplerSteps.requireDescending(grid, "grid");
        this.heun = heun;
        this.churn = churn;
    }

    private int n() {
        return grid.length - 1;
    }

    private double tHat(int step) {
        return grid[step] * (1 + churn.gamma(grid[step], n()));
    }

    @Override
    public SamplerState start(long[] particles, NoiseSource noise) {
        SamplerSteps.requireParticles(particles);
        INDArray x = noise.gaussian(particles, dim, SamplerSteps.INITIAL_STEP, 0).muli(grid[0]);
        return SamplerSteps.initial(particles, x, churned(x, particles, 0, noise));
    }

    /** The aux of a state that begins step i at x: x-hat when churn applies to t_i. */
    private Map<String, INDArray> churned(INDArray x, long[] particles, int step, NoiseSource noise) {
        if (step >= n() || churn.gamma(grid[step], n()) == 0) {
            return Map.of();
        }
        double t = grid[step];
        double tHat = tHat(step);
        double scale = Math.sqrt(tHat * tHat - t * t) * churn.sNoise();
        return Map.of(X_HAT, noise.gaussian(particles, dim, step, 0).muli(scale).addi(x));
    }

    private INDArray xHat(SamplerState state) {
        INDArray churned = state.aux(X_HAT);
        return churned == null ? state.x() : churned;
    }

    @Override
    public EvalRequest nextEvaluation(SamplerState state) {
        int i = state.step();
        if (state.subStep() == 0) {
            return new EvalRequest(xHat(state), SamplerSteps.timeColumn(state.batch(), tHat(i)), null);
        }
        return new EvalRequest(state.aux(X_EULER), SamplerSteps.timeColumn(state.batch(), grid[i + 1]), null);
    }

    @Override
    public SamplerState accept(SamplerState state, Prediction prediction, NoiseSource noise) {
        int i = state.step();
        double tHat = tHat(i);
        double tNext = grid[i + 1];
        INDArray xHat = xHat(state);
        if (state.subStep() == 0) {
            // Euler step: d = (x-hat - D(x-hat; t-hat)) / t-hat
            INDArray d = xHat.sub(prediction.x0()).divi(tHat);
            INDArray euler = d.mul(tNext - tHat).addi(xHat);
            if (heun && i < n() - 1) {
                Map<String, INDArray> aux = new HashMap<>(state.aux());
                aux.put(SLOPE, d);
                aux.put(X_EULER, euler);
                return SamplerSteps.substep(state, aux);
            }
            return SamplerSteps.advance(state, euler, churned(euler, state.particles(), i + 1, noise));
        }
        // Apply 2nd order correction: x' = x-hat + (t' - t-hat)(d + d')/2
        INDArray slope = state.aux(X_EULER).sub(prediction.x0()).divi(tNext).addi(state.aux(SLOPE));
        INDArray next = slope.muli(0.5 * (tNext - tHat)).addi(xHat);
        return SamplerSteps.advance(state, next, churned(next, state.particles(), i + 1, noise));
    }

    @Override
    public int steps() {
        return n();
    }

    @Override
    public double time(SamplerState state) {
        return grid[Math.min(state.step(), n())];
    }

    /** Model evaluations of a full run: N (Euler) or 2N-1 (Heun). */
    public int evaluations() {
        return heun ? 2 * n() - 1 : n();
    }

    public int dimension() {
        return dim;
    }
}
