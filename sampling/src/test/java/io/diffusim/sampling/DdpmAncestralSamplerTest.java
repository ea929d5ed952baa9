package io.diffusim.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.diffusim.sampling.noise.CounterNoise;
import io.diffusim.sampling.vp.DdpmAncestralSampler;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DdpmAncestralSamplerTest extends SamplerContract {

    private static final int CHAIN = 50;
    private static final int DIM = 2;
    private static final double DATA_MEAN = 1.0;
    private static final double DATA_STD = 0.5;
    private static final int LONG_CHAIN = 1000;
    private static final int MC_PARTICLES = 20_000;
    /** MC tolerance on mean and std of 20,000 draws (about 5 standard errors) plus T = 1000 discretisation. */
    private static final double MC_TOL = 0.015;

    private static final double[] BETAS = TestModels.linearBetas(CHAIN);

    @Override
    protected Sampler sampler() {
        return new DdpmAncestralSampler(BETAS, DIM, false);
    }

    @Override
    protected TestModels.Model model() {
        return TestModels.gaussianVp(DATA_MEAN, DATA_STD, TestModels.alphaBars(BETAS));
    }

    @Override
    protected long expectedNfe(SamplerState finalState) {
        return CHAIN;
    }

    @Test
    void shouldReproduceGaussianDataWithTheExactModel() {
        double[] betas = TestModels.linearBetas(LONG_CHAIN);
        SamplerState end = TestModels.run(new DdpmAncestralSampler(betas, 1, false),
                TestModels.gaussianVp(DATA_MEAN, DATA_STD, TestModels.alphaBars(betas)),
                TestModels.ids(0, MC_PARTICLES), new CounterNoise(3));
        double[] moments = TestModels.meanAndStd(flat(end.x()));
        assertThat(moments[0]).isCloseTo(DATA_MEAN, within(MC_TOL));
        assertThat(moments[1]).isCloseTo(DATA_STD, within(MC_TOL));
    }

    @Test
    void shouldReportTheIntegerChainTime() {
        DdpmAncestralSampler sampler = new DdpmAncestralSampler(BETAS, DIM, false);
        SamplerState state = sampler.start(new long[] {7}, new CounterNoise(1));
        assertThat(sampler.time(state)).isEqualTo(CHAIN - 1);
        assertThat(sampler.nextEvaluation(state).t().getDouble(0, 0)).isEqualTo(CHAIN - 1);
    }

    @Test
    void shouldRejectBetasOutsideTheUnitInterval() {
        assertThatThrownBy(() -> new DdpmAncestralSampler(new double[] {0.1, 1.5}, DIM, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1.5");
    }

    /** With clipping, data far outside [-1, 1] still ends inside it: the last step returns the clipped x0-hat. */
    @Nested
    class Clipped extends SamplerContract {

        private static final double FAR_MEAN = 5.0;
        /** c1_0 = beta_0 / (1 - Abar_0) is 1 only up to rounding. */
        private static final double CLIP_TOL = 1e-12;

        @Override
        protected Sampler sampler() {
            return new DdpmAncestralSampler(BETAS, DIM, true);
        }

        @Override
        protected TestModels.Model model() {
            return TestModels.gaussianVp(FAR_MEAN, DATA_STD, TestModels.alphaBars(BETAS));
        }

        @Override
        protected long expectedNfe(SamplerState finalState) {
            return CHAIN;
        }

        @Test
        void shouldEndInsideTheClipRange() {
            SamplerState end = TestModels.run(sampler(), model(), TestModels.ids(0, 256), new CounterNoise(5));
            assertThat(java.util.Arrays.stream(flat(end.x())).boxed().toList()).allMatch(v -> Math.abs(v) <= 1 + CLIP_TOL);
        }
    }
}
