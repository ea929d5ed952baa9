package io.diffusim.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffusim.model.data.Moons;
import io.diffusim.model.denoise.Denoiser;
import io.diffusim.model.denoise.FusedEmpiricalDenoiser;
import io.diffusim.model.denoise.Prediction;
import io.diffusim.model.host.HostPool;
import io.diffusim.model.process.LinearBetaSchedule;
import io.diffusim.model.process.VpDiscreteProcess;
import io.diffusim.sampling.noise.CounterNoise;
import io.diffusim.sampling.vp.DdimSampler;
import io.diffusim.sampling.vp.DdpmAncestralSampler;
import org.junit.jupiter.api.Test;

/**
 * The DDPM and DDIM updates on the host (a fused kernel's eps as Java values) give the same bits as the same updates
 * as ND4J ops on the same prediction, noise included: a run, its checkpoints and its resume do not depend on which
 * path stepped it.
 */
class LinearUpdateTest {

    private static final VpDiscreteProcess CHAIN = new VpDiscreteProcess(LinearBetaSchedule.defaults(100));
    private static final Denoiser EMPIRICAL = new FusedEmpiricalDenoiser(CHAIN, Moons.generate(200, 3).points(), null,
            HostPool.of(1));
    private static final NoiseSource NOISE = new CounterNoise(5);

    @Test
    void shouldGiveDdpmTheSameBitsOnTheHostAsWithNd4jOps() {
        assertSameBits(new DdpmAncestralSampler(CHAIN.beta(), 2, false), 7);
    }

    @Test
    void shouldGiveStochasticDdimTheSameBitsOnTheHostAsWithNd4jOps() {
        assertSameBits(new DdimSampler(CHAIN.alphaBar(), TestModels.linspaceSubsequence(100, 20), 0.5, 2), 4);
    }

    @Test
    void shouldGiveDeterministicDdimTheSameBitsOnTheHostAsWithNd4jOps() {
        assertSameBits(new DdimSampler(CHAIN.alphaBar(), TestModels.linspaceSubsequence(100, 20), 0, 2), 4);
    }

    /** Steps 61 particles to the given step, then compares one accept on both paths. */
    private static void assertSameBits(Sampler sampler, int steps) {
        SamplerState s = sampler.start(TestModels.ids(100, 61), NOISE);
        for (int k = 0; k < steps; k++) {
            s = sampler.accept(s, EMPIRICAL.evaluate(sampler.nextEvaluation(s)), NOISE);
        }
        Prediction host = EMPIRICAL.evaluate(sampler.nextEvaluation(s));
        Prediction nd4j = Prediction.ofX0(host.x(), host.x0(), host.eps(), host.a(), host.b());
        assertThat(host.hostEps()).isNotNull();
        assertThat(nd4j.hostEps()).isNull();

        double[] onHost = sampler.accept(s, host, NOISE).x().data().asDouble();
        double[] withOps = sampler.accept(s, nd4j, NOISE).x().data().asDouble();

        assertThat(onHost).isEqualTo(withOps);
        assertThat(onHost).isNotEqualTo(s.x().data().asDouble());
    }
}
