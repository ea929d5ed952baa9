package io.diffusim.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.diffusim.model.data.GaussianMixture;
import io.diffusim.model.denoise.GmmDenoiser;
import io.diffusim.model.process.LinearBetaSchedule;
import io.diffusim.model.process.VeProcess;
import io.diffusim.model.process.VpDiscreteProcess;
import io.diffusim.sampling.edm.EdmChurn;
import io.diffusim.sampling.edm.EdmSampler;
import io.diffusim.sampling.noise.CounterNoise;
import io.diffusim.sampling.vp.DdimSampler;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * K6 of docs/science.md §8: DDIM on the full chain and EDM Heun, driven by the exact posterior mean of the K4
 * mixture 0.3 N(-2, 0.25^2) + 0.7 N(2, 0.25^2), reproduce the mixture.
 */
class MixtureSamplingTest {

    private static final double STD = 0.25;
    private static final GaussianMixture MIXTURE = new GaussianMixture(new double[] {0.3, 0.7},
            new double[][] {{-2}, {2}},
            new double[][][] {GaussianMixture.isotropicCovariance(1, STD * STD), GaussianMixture.isotropicCovariance(1, STD * STD)});
    private static final int PARTICLES = 20_000;
    private static final int CHAIN = 1000;
    private static final double K6_FRACTION = 0.70;
    private static final double K6_FRACTION_TOL = 0.015;
    private static final double K6_STD_TOL = 0.02;
    /** Heun on the 18-step grid: 2N - 1 evaluations. */
    private static final long HEUN_NFE = 35;

    @Test
    void shouldReproduceTheMixtureWithDdimOnTheFullChain() {
        VpDiscreteProcess process = new VpDiscreteProcess(LinearBetaSchedule.defaults(CHAIN));
        DdimSampler sampler = new DdimSampler(process.alphaBar(), TestModels.linspaceSubsequence(CHAIN, CHAIN), 0, 1);
        GmmDenoiser denoiser = new GmmDenoiser(process, MIXTURE);
        SamplerState end = TestModels.run(sampler, denoiser::evaluate, TestModels.ids(0, PARTICLES), new CounterNoise(61));
        assertMixture(SamplerContract.flat(end.x()));
    }

    @Test
    void shouldReproduceTheMixtureWithEdmHeun() {
        EdmSampler sampler = new EdmSampler(TestModels.edmGrid(18, 0.002, 80, 7), true, EdmChurn.NONE, 1);
        // A slightly wider sigma range than the grid, so rounding at the grid ends stays inside it.
        GmmDenoiser denoiser = new GmmDenoiser(new VeProcess(1e-3, 100), MIXTURE);
        SamplerState end = TestModels.run(sampler, denoiser::evaluate, TestModels.ids(0, PARTICLES), new CounterNoise(62));
        assertThat(end.nfe()).isEqualTo(HEUN_NFE);
        assertMixture(SamplerContract.flat(end.x()));
    }

    private static void assertMixture(double[] samples) {
        double[] positive = Arrays.stream(samples).filter(v -> v > 0).toArray();
        double[] negative = Arrays.stream(samples).filter(v -> v <= 0).toArray();
        assertThat((double) positive.length / samples.length).isCloseTo(K6_FRACTION, within(K6_FRACTION_TOL));
        assertThat(TestModels.meanAndStd(positive)[1]).isCloseTo(STD, within(K6_STD_TOL));
        assertThat(TestModels.meanAndStd(negative)[1]).isCloseTo(STD, within(K6_STD_TOL));
    }
}
