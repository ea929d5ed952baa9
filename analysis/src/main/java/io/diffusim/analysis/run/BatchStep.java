package io.diffusim.analysis.run;

import io.diffusim.sampling.SamplerState;
import java.util.List;

/**
 * One whole sampler step of one particle batch, as analyses see it: the state before and after and every
 * evaluation the step used (Heun and Nesterov use two). {@code record} says whether this step is one the
 * run records metrics at ({@code record-every}, and always the last).
 */
public record BatchStep(int batch, int step, double t, SamplerState before, SamplerState after,
        List<Evaluation> evaluations, boolean record) {

    public BatchStep {
        evaluations = List.copyOf(evaluations);
    }

    /** The last evaluation of the step: the one whose prediction completed it. */
    public Evaluation last() {
        return evaluations.get(evaluations.size() - 1);
    }
}
