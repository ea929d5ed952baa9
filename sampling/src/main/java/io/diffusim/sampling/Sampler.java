package io.diffusim.sampling;

import io.diffusim.model.denoise.EvalRequest;
import io.diffusim.model.denoise.Prediction;

/**
 * One sampler step as a small state machine (docs/architecture.md §2, docs/science.md §2): the caller owns
 * every model evaluation, so a plain loop and an actor drive the same code:
 *
 * <pre>{@code
 * SamplerState s = sampler.start(particles, noise);
 * while (!sampler.finished(s)) {
 *     s = sampler.accept(s, denoiser.evaluate(sampler.nextEvaluation(s)), noise);
 * }
 * }</pre>
 *
 * The last evaluation of a step completes the step; Heun and Nesterov ask twice. Noise of a step is
 * drawn after its model call, keyed by (particle, step, sub-step). Implementations are immutable and
 * never mutate a state they are given.
 */
public interface Sampler {

    /** Initial state x_T for the given particle ids (their noise counters). */
    SamplerState start(long[] particles, NoiseSource noise);

    /** The evaluation the sampler needs next. */
    EvalRequest nextEvaluation(SamplerState state);

    /** Consumes the model's answer to {@link #nextEvaluation}; returns the next state. */
    SamplerState accept(SamplerState state, Prediction prediction, NoiseSource noise);

    /** True when no further evaluation is needed: by default once every step is taken. */
    default boolean finished(SamplerState state) {
        return state.step() >= steps();
    }

    /** Total number of steps. */
    int steps();

    /**
     * True when a run may finish before {@link #steps()} because particles stop by a rule of their own (EqM's
     * adaptive stop): its time left cannot be read off the step count, so progress shows only the rate.
     */
    default boolean stopsEarly() {
        return false;
    }

    /** The process time of the state's current position (for metric records); NaN for time-free samplers. */
    double time(SamplerState state);
}
