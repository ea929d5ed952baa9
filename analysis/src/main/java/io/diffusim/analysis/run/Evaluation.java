package io.diffusim.analysis.run;

import io.diffusim.model.denoise.EvalRequest;
import io.diffusim.model.denoise.Prediction;

/** One model evaluation a sampler asked for, and the model's answer. */
public record Evaluation(EvalRequest request, Prediction prediction) {
}
