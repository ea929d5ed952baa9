package io.diffusim.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.diffusim.model.denoise.Prediction;
import io.diffusim.sampling.guidance.DensityGuidance;
import io.diffusim.sampling.guidance.DensityGuidedDdpmSampler;
import io.diffusim.sampling.guidance.KdeLogDensity;
import io.diffusim.sampling.noise.CounterNoise;
import io.diffusim.sampling.vp.DdpmAncestralSampler;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class DensityGuidedDdpmSamplerTest extends SamplerContract {

    private static final int CHAIN = 20;
    private static final int DIM = 2;
    private static final double[] BETAS = TestModels.linearBetas(CHAIN);
    private static final double[] ALPHA_BAR = TestModels.alphaBars(BETAS);
    /** A small training set keeps the [4096, M] KDE blocks of the batch-size contract cheap. */
    private static final int TRAINING_POINTS = 64;
    private static final KdeLogDensity KDE = new KdeLogDensity(KdeLogDensityTest.trainingPoints(TRAINING_POINTS),
            KdeLogDensity.DEFAULT_SUBSAMPLE, KdeLogDensity.DEFAULT_BANDWIDTH, 7);
    private static final double EXACT_TOL = 1e-12;

    @Override
    protected Sampler sampler() {
        return guided(DensityGuidance.FIXED);
    }

    @Override
    protected TestModels.Model model() {
        return TestModels.gaussianVp(0.5, 0.7, ALPHA_BAR);
    }

    @Override
    protected long expectedNfe(SamplerState finalState) {
        return CHAIN;
    }

    private static DensityGuidedDdpmSampler guided(DensityGuidance variant) {
        return new DensityGuidedDdpmSampler(new DdpmAncestralSampler(BETAS, DIM, false), variant, KDE);
    }

    @Test
    void shouldFollowTheGammaSchedulesOfScienceSection74() {
        assertThat(DensityGuidance.BASELINE.gamma(10, CHAIN)).isZero();
        assertThat(DensityGuidance.FIXED.gamma(10, CHAIN)).isEqualTo(0.1);
        assertThat(DensityGuidance.ADAPTIVE.gamma(CHAIN - 1, CHAIN)).isCloseTo(0.2 / CHAIN, within(EXACT_TOL));
        assertThat(DensityGuidance.ADAPTIVE.gamma(0, CHAIN)).isCloseTo(0.2, within(EXACT_TOL));
        assertThat(DensityGuidance.SMOOTHED.gamma(0, CHAIN)).isCloseTo(0.01, within(EXACT_TOL));
        assertThat(DensityGuidance.MINIMAL.gamma(CHAIN - 1, CHAIN)).isEqualTo(0.01);
    }

    @Test
    void shouldEqualPlainDdpmForTheBaseline() {
        long[] ids = TestModels.ids(0, 32);
        double[] baseline = flat(TestModels.run(guided(DensityGuidance.BASELINE), model(), ids, new CounterNoise(3)).x());
        double[] plain = flat(TestModels.run(new DdpmAncestralSampler(BETAS, DIM, false), model(), ids, new CounterNoise(3)).x());
        assertThat(baseline).containsExactly(plain);
    }

    @Test
    void shouldShiftEpsByGammaTimesTheDensityGradient() {
        DdpmAncestralSampler ddpm = new DdpmAncestralSampler(BETAS, DIM, false);
        DensityGuidedDdpmSampler sampler = guided(DensityGuidance.ADAPTIVE);
        CounterNoise noise = new CounterNoise(4);
        SamplerState state = sampler.start(TestModels.ids(0, 16), noise);
        Prediction prediction = model().apply(sampler.nextEvaluation(state));
        int t = CHAIN - 1;
        INDArray gradient = KDE.gradient(state.x(), t, Math.sqrt(ALPHA_BAR[t]), Math.sqrt(1 - ALPHA_BAR[t]));
        INDArray eps = gradient.mul(DensityGuidance.ADAPTIVE.gamma(t, CHAIN)).addi(prediction.eps());
        double[] expected = flat(ddpm.accept(state, Prediction.ofEps(state.x(), eps, prediction.a(), prediction.b()), noise).x());
        double[] actual = flat(sampler.accept(state, prediction, noise).x());
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).isCloseTo(expected[i], within(EXACT_TOL));
        }
    }

    @Nested
    class Smoothed extends SamplerContract {

        @Override
        protected Sampler sampler() {
            return guided(DensityGuidance.SMOOTHED);
        }

        @Override
        protected TestModels.Model model() {
            return TestModels.gaussianVp(0.5, 0.7, ALPHA_BAR);
        }

        @Override
        protected long expectedNfe(SamplerState finalState) {
            return CHAIN;
        }

        @Test
        void shouldKeepTheSmoothedGradientInAux() {
            SamplerState end = TestModels.run(sampler(), model(), TestModels.ids(0, 8), new CounterNoise(5));
            assertThat(end.aux(DensityGuidedDdpmSampler.SMOOTHED_GRADIENT).shape()).containsExactly(8, DIM);
            assertThat(end.aux(DensityGuidedDdpmSampler.SMOOTHED_GRADIENT).norm2Number().doubleValue()).isPositive();
        }
    }
}
