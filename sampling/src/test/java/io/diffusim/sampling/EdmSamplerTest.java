package io.diffusim.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.diffusim.sampling.edm.EdmChurn;
import io.diffusim.sampling.edm.EdmSampler;
import io.diffusim.sampling.noise.CounterNoise;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EdmSamplerTest extends SamplerContract {

    private static final int STEPS = 18;
    private static final int DIM = 2;
    private static final double[] GRID = TestModels.edmGrid(STEPS, 0.002, 80, 7);
    private static final EdmChurn CHURN = new EdmChurn(10, 0.05, 50, 1.003);
    private static final double DATA_MEAN = 1.0;
    private static final double DATA_STD = 0.5;
    /** Heun with 144 steps is within this of the exact Gaussian flow (errors ~1e-3 for |z| < 3). */
    private static final double ODE_TOL = 2e-3;
    private static final int COARSE_STEPS = 36;
    /** Halving the step twice divides a second-order error by about 16. */
    private static final double SECOND_ORDER_MIN_RATIO = 12;

    @Override
    protected Sampler sampler() {
        return new EdmSampler(GRID, true, CHURN, DIM);
    }

    @Override
    protected TestModels.Model model() {
        return TestModels.gaussianVe(DATA_MEAN, DATA_STD);
    }

    @Override
    protected long expectedNfe(SamplerState finalState) {
        return 2L * STEPS - 1;
    }

    @Test
    void shouldUseTheEdmGridOfScienceSection13() {
        assertThat(GRID[1]).isCloseTo(57.586, within(1e-3));
        assertThat(GRID[STEPS - 1]).isCloseTo(0.002, within(1e-12));
        assertThat(GRID[STEPS]).isZero();
    }

    @Test
    void shouldConvergeAtSecondOrderToTheExactProbabilityFlow() {
        double coarse = maxFlowError(COARSE_STEPS);
        double fine = maxFlowError(4 * COARSE_STEPS);
        assertThat(fine).isLessThan(ODE_TOL);
        assertThat(coarse / fine).isGreaterThan(SECOND_ORDER_MIN_RATIO);
    }

    /** Largest deviation of deterministic Heun from the exact PF-ODE map of N(m, s^2) over 32 particles. */
    private double maxFlowError(int steps) {
        double[] grid = TestModels.edmGrid(steps, 0.002, 80, 7);
        EdmSampler sampler = new EdmSampler(grid, true, EdmChurn.NONE, 1);
        long[] ids = TestModels.ids(0, 32);
        CounterNoise noise = new CounterNoise(9);
        double[] start = flat(sampler.start(ids, noise).x());
        double[] end = flat(TestModels.run(sampler, model(), ids, noise).x());
        // Exact flow: (x_sigma - m) / sqrt(s^2 + sigma^2) is constant along the trajectory.
        double scale = Math.sqrt(DATA_STD * DATA_STD + grid[0] * grid[0]);
        double worst = 0;
        for (int i = 0; i < end.length; i++) {
            worst = Math.max(worst, Math.abs(end[i] - (DATA_MEAN + DATA_STD * (start[i] - DATA_MEAN) / scale)));
        }
        return worst;
    }

    @Test
    void shouldRejectAnIncreasingGrid() {
        assertThatThrownBy(() -> new EdmSampler(new double[] {1, 2, 0}, false, EdmChurn.NONE, DIM))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("decreasing");
    }

    @Nested
    class Euler extends SamplerContract {

        @Override
        protected Sampler sampler() {
            return new EdmSampler(GRID, false, EdmChurn.NONE, DIM);
        }

        @Override
        protected TestModels.Model model() {
            return TestModels.gaussianVe(DATA_MEAN, DATA_STD);
        }

        @Override
        protected long expectedNfe(SamplerState finalState) {
            return STEPS;
        }
    }
}
