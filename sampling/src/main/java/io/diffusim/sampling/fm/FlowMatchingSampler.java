package io.diffusim.sampling.fm;

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
 * Flow-matching ODE sampler, Euler or Heun, with velocity u = eps-hat - x0-hat on a descending grid
 * from t_0 (noise, usually 1) to t_N (usually 0), x_0 ~ N(0, I) (docs/science.md §2.5); NFE Euler N, Heun 2N-1.
 */
public final class FlowMatchingSampler implements Sampler {

    /** Aux key: Heun's first velocity u(x_i, t_i). */
    public static final String VELOCITY = "u";
    /** Aux key: Heun's Euler predictor. */
    public static final String X_EULER = "xEuler";

    private final int dim;
    private final double[] grid;
    private final boolean heun;

    /** @param grid descending t_0 > ... > t_N in [0, 1], e.g. t_i = 1 - i/N */
    public FlowMatchingSampler(double[] grid, boolean heun, int dim) {
        this.dim = SamplerSteps.requireDimension(dim);
        this.grid = SamplerSteps.requireDescending(grid, "grid");
        if (grid[0] > 1) {
            throw new IllegalArgumentException("flow-matching time must lie in [0, 1], got t_0 = " + grid[0]);
        }
        this.heun = heun;
    }

    /** The uniform grid t_i = 1 - i/N, i = 0..N. */
    public static double[] uniformGrid(int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("need at least one step, got " + steps);
        }
        double[] grid = new double[steps + 1];
        for (int i = 0; i <= steps; i++) {
            grid[i] = 1 - (double) i / steps;
        }
        return grid;
    }

    private int n() {
        return grid.length - 1;
    }

    @Override
    public SamplerState start(long[] particles, NoiseSource noise) {
        SamplerSteps.requireParticles(particles);
        return SamplerSteps.initial(particles, noise.gaussian(particles, dim, SamplerSteps.INITIAL_STEP, 0), Map.of());
    }

    @Override
    public EvalRequest nextEvaluation(SamplerState state) {
        int i = state.step();
        if (state.subStep() == 0) {
            return new EvalRequest(state.x(), SamplerSteps.timeColumn(state.batch(), grid[i]), null);
        }
        return new EvalRequest(state.aux(X_EULER), SamplerSteps.timeColumn(state.batch(), grid[i + 1]), null);
    }

    @Override
    public SamplerState accept(SamplerState state, Prediction prediction, NoiseSource noise) {
        int i = state.step();
        double dt = grid[i + 1] - grid[i];
        INDArray u = prediction.eps().sub(prediction.x0());
        if (state.subStep() == 0) {
            INDArray euler = u.mul(dt).addi(state.x());
            if (heun && i < n() - 1) {
                Map<String, INDArray> aux = new HashMap<>(state.aux());
                aux.put(VELOCITY, u);
                aux.put(X_EULER, euler);
                return SamplerSteps.substep(state, aux);
            }
            return SamplerSteps.advance(state, euler, Map.of());
        }
        // Heun: x_{i+1} = x_i + dt (u(x_i, t_i) + u(x~, t_{i+1})) / 2
        INDArray next = u.addi(state.aux(VELOCITY)).muli(0.5 * dt).addi(state.x());
        return SamplerSteps.advance(state, next, Map.of());
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
