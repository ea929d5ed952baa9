package io.diffusim.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.diffusim.sampling.fm.FlowMatchingSampler;
import io.diffusim.sampling.noise.CounterNoise;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FlowMatchingSamplerTest extends SamplerContract {

    private static final int STEPS = 20;
    private static final int DIM = 2;
    private static final double DATA_MEAN = 1.0;
    private static final double DATA_STD = 0.5;
    /** Heun with 50 steps on the affine Gaussian flow (docs/science.md §2.5, "Heun 99"). */
    private static final int FINE_STEPS = 50;
    private static final double ODE_TOL = 1e-3;

    @Override
    protected Sampler sampler() {
        return new FlowMatchingSampler(FlowMatchingSampler.uniformGrid(STEPS), true, DIM);
    }

    @Override
    protected TestModels.Model model() {
        return TestModels.gaussianFm(DATA_MEAN, DATA_STD);
    }

    @Override
    protected long expectedNfe(SamplerState finalState) {
        return 2L * STEPS - 1;
    }

    @Test
    void shouldTransportNoiseToGaussianDataAlongTheFlow() {
        // Exact flow for N(m, s^2): x_t = (1 - t) m + sqrt((1 - t)^2 s^2 + t^2) z, so z maps to m + s z.
        FlowMatchingSampler sampler = new FlowMatchingSampler(FlowMatchingSampler.uniformGrid(FINE_STEPS), true, 1);
        long[] ids = TestModels.ids(0, 32);
        CounterNoise noise = new CounterNoise(6);
        double[] start = flat(sampler.start(ids, noise).x());
        SamplerState end = TestModels.run(sampler, model(), ids, noise);
        assertThat(end.nfe()).isEqualTo(2L * FINE_STEPS - 1);
        double[] x = flat(end.x());
        for (int i = 0; i < x.length; i++) {
            assertThat(x[i]).isCloseTo(DATA_MEAN + DATA_STD * start[i], within(ODE_TOL));
        }
    }

    @Nested
    class Euler extends SamplerContract {

        @Override
        protected Sampler sampler() {
            return new FlowMatchingSampler(FlowMatchingSampler.uniformGrid(STEPS), false, DIM);
        }

        @Override
        protected TestModels.Model model() {
            return TestModels.gaussianFm(DATA_MEAN, DATA_STD);
        }

        @Override
        protected long expectedNfe(SamplerState finalState) {
            return STEPS;
        }
    }
}
