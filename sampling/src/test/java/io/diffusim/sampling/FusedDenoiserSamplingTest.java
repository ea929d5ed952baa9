package io.diffusim.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffusim.model.data.GaussianMixture;
import io.diffusim.model.data.Moons;
import io.diffusim.model.denoise.Denoiser;
import io.diffusim.model.denoise.FusedEmpiricalDenoiser;
import io.diffusim.model.denoise.FusedGmmDenoiser;
import io.diffusim.model.denoise.GmmDenoiser;
import io.diffusim.model.host.HostPool;
import io.diffusim.model.process.LinearBetaSchedule;
import io.diffusim.model.process.VpDiscreteProcess;
import io.diffusim.sampling.noise.CounterNoise;
import io.diffusim.sampling.vp.DdimSampler;
import io.diffusim.sampling.vp.DdpmAncestralSampler;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Whole sampling runs on the fused host denoisers (the CPU default for the closed-form models): the same bits on one
 * thread as on two and whatever the batching, as the counter-based noise promises (docs/architecture.md §2).
 */
class FusedDenoiserSamplingTest {

    private static final int PARTICLES = 200;
    /** Two float64 evaluations of one posterior in different summation orders, after 50 smooth DDIM steps. */
    private static final double BACKEND_TOL = 1e-10;
    private static final GaussianMixture GMM_DDIM = new GaussianMixture(new double[] {0.3, 0.5, 0.2},
            new double[][] {{-2, 0}, {2, 1}, {0, -2}},
            new double[][][] {{{0.0625, 0}, {0, 0.0625}}, {{0.25, 0}, {0, 0.04}}, {{0.3, 0.2}, {0.2, 0.3}}});

    @Test
    void shouldGiveTheDemoRunTheSameBitsOnOneThreadAsOnTwoAndInAnyBatching() {
        VpDiscreteProcess chain = new VpDiscreteProcess(LinearBetaSchedule.defaults(100));
        INDArray moons = Moons.generate(300, 0).points();
        Sampler ddpm = new DdpmAncestralSampler(chain.beta(), 2, false);

        double[] one = run(ddpm, new FusedEmpiricalDenoiser(chain, moons, null, HostPool.of(1)), PARTICLES);
        double[] two = run(ddpm, new FusedEmpiricalDenoiser(chain, moons, null, HostPool.of(2)), PARTICLES);
        double[] batched = run(ddpm, new FusedEmpiricalDenoiser(chain, moons, null, HostPool.of(2)), 37);

        assertThat(two).isEqualTo(one);
        assertThat(batched).isEqualTo(one);
    }

    @Test
    void shouldGiveTheGmmDdimRunTheSameBitsOnOneThreadAsOnTwoAndInAnyBatching() {
        VpDiscreteProcess chain = new VpDiscreteProcess(LinearBetaSchedule.defaults(1000));
        Sampler ddim = new DdimSampler(chain.alphaBar(), TestModels.linspaceSubsequence(1000, 50), 0, 2);

        double[] one = run(ddim, new FusedGmmDenoiser(chain, GMM_DDIM, HostPool.of(1)), PARTICLES);
        double[] two = run(ddim, new FusedGmmDenoiser(chain, GMM_DDIM, HostPool.of(2)), PARTICLES);
        double[] batched = run(ddim, new FusedGmmDenoiser(chain, GMM_DDIM, HostPool.of(2)), 64);
        double[] nd4j = run(ddim, new GmmDenoiser(chain, GMM_DDIM), PARTICLES);

        assertThat(two).isEqualTo(one);
        assertThat(batched).isEqualTo(one);
        for (int i = 0; i < one.length; i++) {
            assertThat(one[i]).as("coordinate %d", i).isCloseTo(nd4j[i], org.assertj.core.api.Assertions.within(BACKEND_TOL));
        }
    }

    /** Final particles 0 .. PARTICLES-1, row-major, run in consecutive batches of {@code batchSize}. */
    private static double[] run(Sampler sampler, Denoiser denoiser, int batchSize) {
        NoiseSource noise = new CounterNoise(21);
        INDArray all = Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.DOUBLE, PARTICLES, 2);
        for (int first = 0; first < PARTICLES; first += batchSize) {
            int last = Math.min(PARTICLES, first + batchSize);
            SamplerState s = sampler.start(LongStream.range(first, last).toArray(), noise);
            while (!sampler.finished(s)) {
                s = sampler.accept(s, denoiser.evaluate(sampler.nextEvaluation(s)), noise);
            }
            for (int r = first; r < last; r++) {
                all.putRow(r, s.x().getRow(r - first));
            }
        }
        return all.data().asDouble();
    }
}
