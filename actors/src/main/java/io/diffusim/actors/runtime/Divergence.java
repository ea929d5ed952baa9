package io.diffusim.actors.runtime;

import io.diffusim.sampling.SamplerState;
import java.util.Optional;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.BooleanIndexing;
import org.nd4j.linalg.indexing.conditions.Conditions;

/**
 * A batch whose particles left the finite numbers (docs/style.md habit 8: a domain outcome, not a crash): found with one
 * device-side test per step, and described with the step and the first offending particle's id.
 */
final class Divergence {

    private Divergence() {
    }

    /** Why the state after {@code step} is not finite, or empty when every coordinate is finite. */
    static Optional<String> of(SamplerState state, int step) {
        INDArray x = state.x();
        if (!BooleanIndexing.or(x, Conditions.notFinite())) {
            return Optional.empty();
        }
        boolean[] rows = BooleanIndexing.or(x, Conditions.notFinite(), 1);
        int row = 0;
        while (row < rows.length - 1 && !rows[row]) {
            row++;
        }
        double value = firstNonFinite(x.getRow(row).toDoubleVector());
        return Optional.of("the run diverged at step " + step + ": particle " + state.particles()[row] + " is " + value
                + " in some coordinate (try fewer steps, a smaller step size, or clip-x0 = true)");
    }

    private static double firstNonFinite(double[] values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return v;
            }
        }
        return Double.NaN;
    }
}
