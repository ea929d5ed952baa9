package io.diffusim.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.diffusim.sampling.eqm.EqmGradientSampler;
import io.diffusim.sampling.noise.CounterNoise;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EqmGradientSamplerTest extends SamplerContract {

    private static final int DIM = 2;
    private static final double STEP_SIZE = 0.05;
    private static final double MOMENTUM = 0.3;
    private static final int SAMPLING_STEPS = 60;
    /** The suggested adaptive-stop threshold 0.05 sqrt(D) of docs/science.md §2.7. */
    private static final double TAU = 0.05 * Math.sqrt(DIM);
    private static final double MEAN = 1.0;
    private static final double STRENGTH = 4.0;
    private static final double EXACT_TOL = 1e-12;

    @Override
    protected Sampler sampler() {
        return EqmGradientSampler.nesterov(STEP_SIZE, MOMENTUM, SAMPLING_STEPS, TAU, DIM);
    }

    @Override
    protected TestModels.Model model() {
        return TestModels.quadraticField(MEAN, STRENGTH);
    }

    /** The batch runs until its slowest particle stops, at most K-1 evaluations. */
    @Override
    protected long expectedNfe(SamplerState finalState) {
        double slowest = finalState.aux(EqmGradientSampler.STOP_STEP).maxNumber().doubleValue();
        return Math.min(SAMPLING_STEPS - 1, (long) slowest + 1);
    }

    @Test
    void shouldFreezeEachParticleOnceItsFieldIsSmall() {
        EqmGradientSampler sampler = EqmGradientSampler.gradientDescent(STEP_SIZE, SAMPLING_STEPS, TAU, DIM);
        SamplerState end = TestModels.run(sampler, model(), TestModels.ids(0, 256), new CounterNoise(12));
        double[] stopStep = flat(end.aux(EqmGradientSampler.STOP_STEP));
        double[] nfe = flat(end.aux(EqmGradientSampler.NFE));
        double[] fieldNorm = flat(end.x().sub(MEAN).muli(STRENGTH).norm2(true, 1));
        assertThat(java.util.Arrays.stream(stopStep).distinct().count()).as("distinct stop steps").isGreaterThan(1);
        for (int p = 0; p < stopStep.length; p++) {
            assertThat(stopStep[p]).isLessThan(SAMPLING_STEPS - 1);
            assertThat(fieldNorm[p]).isLessThan(TAU);
            assertThat(nfe[p]).isEqualTo(stopStep[p] + 1);
            // Frozen at the first small field: the iterate before, (x_k - m) / (1 - eta c), was still above tau.
            if (stopStep[p] > 0) {
                assertThat(fieldNorm[p] / (1 - STEP_SIZE * STRENGTH)).isGreaterThanOrEqualTo(TAU);
            }
        }
        assertThat(sampler.time(end)).isNaN();
    }

    @Test
    void shouldFollowClosedFormGradientDescentWithoutAdaptiveStop() {
        EqmGradientSampler sampler = EqmGradientSampler.gradientDescent(STEP_SIZE, SAMPLING_STEPS, 0, DIM);
        long[] ids = TestModels.ids(0, 8);
        CounterNoise noise = new CounterNoise(13);
        double[] start = flat(sampler.start(ids, noise).x());
        SamplerState end = TestModels.run(sampler, model(), ids, noise);
        double contraction = Math.pow(1 - STEP_SIZE * STRENGTH, SAMPLING_STEPS - 1);
        double[] x = flat(end.x());
        for (int i = 0; i < x.length; i++) {
            assertThat(x[i]).isCloseTo(MEAN + contraction * (start[i] - MEAN), within(EXACT_TOL));
        }
        assertThat(flat(end.aux(EqmGradientSampler.STOP_STEP))).containsOnly(SAMPLING_STEPS - 1.0);
        assertThat(flat(end.aux(EqmGradientSampler.NFE))).containsOnly(SAMPLING_STEPS - 1.0);
    }

    @Nested
    class GradientDescentWithoutStop extends SamplerContract {

        @Override
        protected Sampler sampler() {
            return EqmGradientSampler.gradientDescent(STEP_SIZE, SAMPLING_STEPS, 0, DIM);
        }

        @Override
        protected TestModels.Model model() {
            return TestModels.quadraticField(MEAN, STRENGTH);
        }

        @Override
        protected long expectedNfe(SamplerState finalState) {
            return SAMPLING_STEPS - 1;
        }
    }
}
