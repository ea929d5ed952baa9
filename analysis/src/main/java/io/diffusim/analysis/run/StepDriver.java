package io.diffusim.analysis.run;

import io.diffusim.model.denoise.Denoiser;
import io.diffusim.model.denoise.EvalRequest;
import io.diffusim.model.denoise.Prediction;
import io.diffusim.sampling.NoiseSource;
import io.diffusim.sampling.Sampler;
import io.diffusim.sampling.SamplerState;
import java.util.ArrayList;
import java.util.List;

/**
 * Advances a batch by one whole sampler step (docs/architecture.md §2 loop): asks the sampler what to
 * evaluate, evaluates, and feeds the answer back until the step index moves on.
 */
public final class StepDriver {

    private StepDriver() {
    }

    /** The step taken from {@code state}; {@code evaluations} receives each evaluation used. */
    public static SamplerState step(Sampler sampler, Denoiser denoiser, SamplerState state, NoiseSource noise,
            List<Evaluation> evaluations) {
        int step = state.step();
        SamplerState s = state;
        while (!sampler.finished(s) && s.step() == step) {
            EvalRequest request = sampler.nextEvaluation(s);
            Prediction prediction = denoiser.evaluate(request);
            evaluations.add(new Evaluation(request, prediction));
            s = sampler.accept(s, prediction, noise);
        }
        return s;
    }

    /** Runs a batch to the end, without observers (tests, paired reference paths). */
    public static SamplerState toEnd(Sampler sampler, Denoiser denoiser, SamplerState state, NoiseSource noise) {
        SamplerState s = state;
        while (!sampler.finished(s)) {
            s = step(sampler, denoiser, s, noise, new ArrayList<>(2));
        }
        return s;
    }
}
