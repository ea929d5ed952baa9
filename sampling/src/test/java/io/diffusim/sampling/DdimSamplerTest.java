package io.diffusim.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.diffusim.sampling.noise.CounterNoise;
import io.diffusim.sampling.vp.DdimSampler;
import io.diffusim.sampling.vp.DdpmAncestralSampler;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class DdimSamplerTest extends SamplerContract {

    private static final int CHAIN = 1000;
    private static final int STEPS = 20;
    private static final int DIM = 2;
    private static final double ETA = 0.5;
    private static final double[] ALPHA_BAR = TestModels.alphaBars(TestModels.linearBetas(CHAIN));

    /** K5: N(2, 0.5^2) data, S = 10 steps, 2e5 particles, tolerance +-0.002 on the std. */
    private static final double K5_MEAN = 2.0;
    private static final double K5_STD = 0.5;
    private static final int K5_STEPS = 10;
    private static final int K5_PARTICLES = 200_000;
    private static final double K5_STD_TOL = 0.002;
    /** Mean tolerance: about 4 standard errors of 2e5 draws of std < 0.5. */
    private static final double K5_MEAN_TOL = 0.005;
    /** DDIM(eta = 1) on the full chain is DDPM algebraically; only rounding separates them. */
    private static final double EQUIVALENCE_TOL = 1e-9;

    @Override
    protected Sampler sampler() {
        return new DdimSampler(ALPHA_BAR, TestModels.linspaceSubsequence(CHAIN, STEPS), ETA, DIM);
    }

    @Override
    protected TestModels.Model model() {
        return TestModels.gaussianVp(1.0, 0.5, ALPHA_BAR);
    }

    @Override
    protected long expectedNfe(SamplerState finalState) {
        return STEPS;
    }

    @Test
    void shouldContractAGaussianByTheFiniteStepProductFormula() {
        int[] tau = TestModels.linspaceSubsequence(CHAIN, K5_STEPS);
        double s2 = K5_STD * K5_STD;
        double a999 = ALPHA_BAR[CHAIN - 1];
        double expectedStd = Math.sqrt(a999 * s2 + 1 - a999);
        for (int j = 0; j < K5_STEPS; j++) {
            double a = ALPHA_BAR[tau[j]];
            double aNext = j + 1 < K5_STEPS ? ALPHA_BAR[tau[j + 1]] : 1.0;
            expectedStd *= (Math.sqrt(a * aNext) * s2 + Math.sqrt((1 - a) * (1 - aNext))) / (a * s2 + 1 - a);
        }
        assertThat(expectedStd).isLessThan(K5_STD);

        DdimSampler sampler = new DdimSampler(ALPHA_BAR, tau, 0, 1);
        TestModels.Model model = TestModels.gaussianVp(K5_MEAN, K5_STD, ALPHA_BAR);
        CounterNoise noise = new CounterNoise(11);
        SamplerState state = sampler.start(TestModels.ids(0, K5_PARTICLES), noise);
        // Start from the exact p_999 = N(2 sqrt(A), A s^2 + 1 - A) instead of N(0, 1).
        INDArray exact = state.x().mul(Math.sqrt(a999 * s2 + 1 - a999)).addi(K5_MEAN * Math.sqrt(a999));
        state = new SamplerState(exact, state.particles(), 0, 0, 0, Map.of());
        while (!sampler.finished(state)) {
            state = sampler.accept(state, model.apply(sampler.nextEvaluation(state)), noise);
        }
        double[] moments = TestModels.meanAndStd(flat(state.x()));
        assertThat(moments[0]).isCloseTo(K5_MEAN, within(K5_MEAN_TOL));
        assertThat(moments[1]).isCloseTo(expectedStd, within(K5_STD_TOL));
    }

    @Test
    void shouldMatchDdpmWhenEtaIsOneOnTheFullChain() {
        int chain = 100;
        double[] betas = TestModels.linearBetas(chain);
        double[] alphaBar = TestModels.alphaBars(betas);
        TestModels.Model model = TestModels.gaussianVp(1.0, 0.5, alphaBar);
        long[] ids = TestModels.ids(0, 64);
        double[] ddim = flat(TestModels.run(new DdimSampler(alphaBar, TestModels.linspaceSubsequence(chain, chain), 1.0, DIM),
                model, ids, new CounterNoise(4)).x());
        double[] ddpm = flat(TestModels.run(new DdpmAncestralSampler(betas, DIM, false), model, ids, new CounterNoise(4)).x());
        for (int i = 0; i < ddpm.length; i++) {
            assertThat(ddim[i]).isCloseTo(ddpm[i], within(EQUIVALENCE_TOL * (1 + Math.abs(ddpm[i]))));
        }
    }
}
