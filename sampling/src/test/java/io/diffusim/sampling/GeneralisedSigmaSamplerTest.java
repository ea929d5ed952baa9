package io.diffusim.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.diffusim.model.denoise.Prediction;
import io.diffusim.sampling.noise.CounterNoise;
import io.diffusim.sampling.sigma.GeneralisedSigmaSampler;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class GeneralisedSigmaSamplerTest extends SamplerContract {

    private static final int DIM = 2;
    private static final double[] SIGMAS = TestModels.geometricGrid(35, 0.01, 21);
    private static final double DATA_MEAN = 1.0;
    private static final double DATA_STD = 0.5;
    private static final double EXACT_TOL = 1e-12;
    private static final int MC_PARTICLES = 20_000;
    /** About 5 standard errors of the std of 20,000 draws plus the finite grid. */
    private static final double MC_TOL = 0.015;

    @Override
    protected Sampler sampler() {
        return GeneralisedSigmaSampler.ddpm(SIGMAS, DIM);
    }

    @Override
    protected TestModels.Model model() {
        return TestModels.gaussianVe(DATA_MEAN, DATA_STD);
    }

    @Override
    protected long expectedNfe(SamplerState finalState) {
        return SIGMAS.length - 1;
    }

    @Test
    void shouldReproduceGaussianDataWithTheDdpmPreset() {
        double[] fine = TestModels.geometricGrid(80, 0.002, 201);
        SamplerState end = TestModels.run(GeneralisedSigmaSampler.ddpm(fine, 1), model(), TestModels.ids(0, MC_PARTICLES),
                new CounterNoise(8));
        double[] moments = TestModels.meanAndStd(flat(end.x()));
        assertThat(moments[0]).isCloseTo(DATA_MEAN, within(MC_TOL));
        assertThat(moments[1]).isCloseTo(DATA_STD, within(MC_TOL));
    }

    @Test
    void shouldUseOnlyThePreviousEpsWhenGammaIsZero() {
        GeneralisedSigmaSampler sampler = new GeneralisedSigmaSampler(SIGMAS, 0, 0, DIM);
        CounterNoise noise = new CounterNoise(2);
        SamplerState state = sampler.start(TestModels.ids(0, 4), noise);
        Prediction first = model().apply(sampler.nextEvaluation(state));
        state = sampler.accept(state, first, noise);
        INDArray x1 = state.x();
        // A nonsense eps at step 1 must be ignored: gamma = 0 is 0, not "the default".
        INDArray junk = x1.mul(0).addi(100);
        Prediction second = Prediction.ofEps(x1, junk, TestModels.column(4, 1), TestModels.column(4, SIGMAS[1]));
        state = sampler.accept(state, second, noise);
        INDArray expected = first.eps().mul(-(SIGMAS[1] - SIGMAS[2])).addi(x1);
        double[] actual = flat(state.x());
        double[] wanted = flat(expected);
        for (int i = 0; i < wanted.length; i++) {
            assertThat(actual[i]).isCloseTo(wanted[i], within(EXACT_TOL));
        }
    }

    @Test
    void shouldRejectMuOfOne() {
        assertThatThrownBy(() -> new GeneralisedSigmaSampler(SIGMAS, 1, 1, DIM))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mu");
    }

    @Nested
    class GradientEstimation extends SamplerContract {

        @Override
        protected Sampler sampler() {
            return GeneralisedSigmaSampler.gradientEstimation(SIGMAS, DIM);
        }

        @Override
        protected TestModels.Model model() {
            return TestModels.gaussianVe(DATA_MEAN, DATA_STD);
        }

        @Override
        protected long expectedNfe(SamplerState finalState) {
            return SIGMAS.length - 1;
        }
    }
}
