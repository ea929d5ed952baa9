package io.diffusim.analysis.run;

import io.diffusim.sampling.SamplerState;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The end of a run: every batch's particles gathered in particle order, and what they cost. */
public final class FinalSamples {

    private FinalSamples() {
    }

    /** One preallocated {@code [N, D]} array; each batch is written into the rows of its particle ids. */
    public static INDArray gather(List<SamplerState> states, int particles, int dimension) {
        INDArray samples = Nd4j.create(DataType.DOUBLE, particles, dimension);
        for (SamplerState state : states) {
            long first = state.particles()[0];
            samples.get(NDArrayIndex.interval(first, first + state.batch()), NDArrayIndex.all()).assign(state.x());
        }
        return samples;
    }

    /** Fails the run with the step it diverged by when any coordinate is NaN or infinite. */
    public static void requireFinite(INDArray samples, int steps) {
        double sum = samples.sumNumber().doubleValue();
        if (!Double.isFinite(sum)) {
            throw new IllegalStateException("the run diverged: non-finite particles after " + steps
                    + " steps (try fewer steps, a smaller step size, or clip-x0 = true)");
        }
    }

    /** Mean model evaluations per particle. */
    public static double meanNfe(List<SamplerState> states, int particles) {
        return states.stream().mapToDouble(SamplerState::nfeTotal).sum() / particles;
    }
}
