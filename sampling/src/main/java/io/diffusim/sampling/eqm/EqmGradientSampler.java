package io.diffusim.sampling.eqm;

import io.diffusim.model.denoise.EvalRequest;
import io.diffusim.model.denoise.Prediction;
import io.diffusim.sampling.NoiseSource;
import io.diffusim.sampling.Sampler;
import io.diffusim.sampling.SamplerState;
import io.diffusim.sampling.SamplerSteps;
import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Equilibrium-matching sampling by gradient descent (mu = 0) or Nesterov look-ahead (mu > 0) on the
 * time-free field f(x), K-1 updates from x_0 ~ N(0, I), with per-particle adaptive stop when
 * ||f|| < tau (docs/science.md §2.7).
 *
 * <p>A particle is frozen through a 0/1 mask column; aux records its stop step (updates applied) and
 * its own evaluation count. For Nesterov the stop test uses the field at the look-ahead point, which
 * is the only field evaluated.
 */
public final class EqmGradientSampler implements Sampler {

    /** Aux key: 1 while a particle moves, 0 once frozen, [B, 1]. */
    public static final String ACTIVE = "active";
    /** Aux key: updates applied to each particle (its stop step), [B, 1]. */
    public static final String STOP_STEP = "stopStep";
    /** Aux key: field evaluations each particle consumed, [B, 1]. */
    public static final String NFE = SamplerState.PER_PARTICLE_NFE;
    /** Aux key: the previous iterate x_{k-1} (Nesterov only). */
    public static final String X_PREVIOUS = "xPrev";

    private final int dim;
    private final double stepSize;
    private final double momentum;
    private final int updates;
    private final double stopThreshold;

    /**
     * @param stepSize eta (default 0.0017)
     * @param momentum mu, 0 for plain gradient descent (NAG default 0.3)
     * @param samplingSteps K (default 250), executing K-1 updates
     * @param stopThreshold tau_stop, 0 disables the adaptive stop
     */
    public EqmGradientSampler(double stepSize, double momentum, int samplingSteps, double stopThreshold, int dim) {
        this.dim = SamplerSteps.requireDimension(dim);
        if (!(stepSize > 0) || !Double.isFinite(stepSize)) {
            throw new IllegalArgumentException("step size eta must be finite and > 0, got " + stepSize);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum mu must lie in [0, 1), got " + momentum);
        }
        if (samplingSteps < 2) {
            throw new IllegalArgumentException("sampling steps K must be >= 2, got " + samplingSteps);
        }
        this.stepSize = stepSize;
        this.momentum = momentum;
        this.updates = samplingSteps - 1;
        this.stopThreshold = SamplerSteps.requireNonNegative(stopThreshold, "tau_stop");
    }

    /** Plain gradient descent x_{k+1} = x_k - eta f(x_k). */
    public static EqmGradientSampler gradientDescent(double stepSize, int samplingSteps, double stopThreshold, int dim) {
        return new EqmGradientSampler(stepSize, 0, samplingSteps, stopThreshold, dim);
    }

    /** Nesterov: x_{k+1} = x_k - eta f(x_k + mu (x_k - x_{k-1})). */
    public static EqmGradientSampler nesterov(double stepSize, double momentum, int samplingSteps, double stopThreshold, int dim) {
        return new EqmGradientSampler(stepSize, momentum, samplingSteps, stopThreshold, dim);
    }

    @Override
    public SamplerState start(long[] particles, NoiseSource noise) {
        SamplerSteps.requireParticles(particles);
        INDArray x = noise.gaussian(particles, dim, SamplerSteps.INITIAL_STEP, 0);
        long[] column = {particles.length, 1};
        Map<String, INDArray> aux = new HashMap<>();
        aux.put(ACTIVE, Nd4j.ones(DataType.DOUBLE, column));
        aux.put(STOP_STEP, Nd4j.valueArrayOf(column, (double) updates, DataType.DOUBLE));
        aux.put(NFE, Nd4j.zeros(DataType.DOUBLE, column));
        if (momentum > 0) {
            aux.put(X_PREVIOUS, x); // x_{-1} := x_0
        }
        return SamplerSteps.initial(particles, x, aux);
    }

    @Override
    public EvalRequest nextEvaluation(SamplerState state) {
        if (momentum == 0) {
            return new EvalRequest(state.x(), null, null);
        }
        // Frozen rows have x_k = x_{k-1}, so their look-ahead is x_k itself.
        INDArray lookAhead = state.x().sub(state.aux(X_PREVIOUS)).muli(momentum).addi(state.x());
        return new EvalRequest(lookAhead, null, null);
    }

    @Override
    public SamplerState accept(SamplerState state, Prediction prediction, NoiseSource noise) {
        int k = state.step();
        INDArray field = prediction.field();
        INDArray active = state.aux(ACTIVE);
        INDArray stillActive = stopThreshold > 0
                ? field.norm2(true, 1).gte(stopThreshold).castTo(DataType.DOUBLE).muli(active)
                : active;
        // Rows stopping now keep x_k: stopStep drops from K-1 to k for exactly those rows.
        INDArray stopStep = stopThreshold > 0
                ? active.sub(stillActive).muli(k - updates).addi(state.aux(STOP_STEP))
                : state.aux(STOP_STEP);
        INDArray next = field.mulColumnVector(stillActive).muli(-stepSize).addi(state.x());
        Map<String, INDArray> aux = new HashMap<>();
        aux.put(ACTIVE, stillActive);
        aux.put(STOP_STEP, stopStep);
        aux.put(NFE, state.aux(NFE).add(active));
        if (momentum > 0) {
            aux.put(X_PREVIOUS, state.x());
        }
        return SamplerSteps.advance(state, next, aux);
    }

    @Override
    public boolean stopsEarly() {
        return stopThreshold > 0;
    }

    @Override
    public boolean finished(SamplerState state) {
        if (state.step() >= updates) {
            return true;
        }
        return stopThreshold > 0 && state.aux(ACTIVE).sumNumber().doubleValue() == 0;
    }

    @Override
    public int steps() {
        return updates;
    }

    @Override
    public double time(SamplerState state) {
        return Double.NaN;
    }

    public int dimension() {
        return dim;
    }
}
