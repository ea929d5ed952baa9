package io.diffusim.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.diffusim.sampling.langevin.AnnealedLangevinSampler;
import io.diffusim.sampling.langevin.AnnealedLangevinSampler.Init;
import io.diffusim.sampling.noise.CounterNoise;
import org.junit.jupiter.api.Test;

class AnnealedLangevinSamplerTest extends SamplerContract {

    private static final int DIM = 2;
    /** NCSN ladder of docs/science.md §1.3: sigma_1 = 1, sigma_L = 0.01, L = 10. */
    private static final double[] LADDER = TestModels.geometricGrid(1, 0.01, 10);
    private static final double STEP_SIZE = 2e-5;
    private static final int STEPS_PER_LEVEL = 3;
    private static final double EQUIVALENCE_TOL = 1e-12;

    @Override
    protected Sampler sampler() {
        return new AnnealedLangevinSampler(LADDER, STEP_SIZE, STEPS_PER_LEVEL, false, true, Init.GAUSSIAN, DIM);
    }

    @Override
    protected TestModels.Model model() {
        return TestModels.gaussianVe(0.5, 0.2);
    }

    @Override
    protected long expectedNfe(SamplerState finalState) {
        return (long) LADDER.length * STEPS_PER_LEVEL + 1;
    }

    @Test
    void shouldUseTheNcsnLadder() {
        assertThat(LADDER[1]).isCloseTo(0.59948, within(1e-5));
        assertThat(LADDER[9]).isCloseTo(0.01, within(1e-15));
    }

    @Test
    void shouldMatchThePaperConventionWithADoubledStep() {
        long[] ids = TestModels.ids(0, 32);
        double[] code = flat(TestModels.run(new AnnealedLangevinSampler(LADDER, STEP_SIZE, STEPS_PER_LEVEL, false, false,
                Init.GAUSSIAN, DIM), model(), ids, new CounterNoise(1)).x());
        double[] paper = flat(TestModels.run(new AnnealedLangevinSampler(LADDER, 2 * STEP_SIZE, STEPS_PER_LEVEL, true, false,
                Init.GAUSSIAN, DIM), model(), ids, new CounterNoise(1)).x());
        for (int i = 0; i < code.length; i++) {
            assertThat(paper[i]).isCloseTo(code[i], within(EQUIVALENCE_TOL * (1 + Math.abs(code[i]))));
        }
    }

    @Test
    void shouldStartUniformlyInTheUnitCubeForImages() {
        AnnealedLangevinSampler sampler = new AnnealedLangevinSampler(LADDER, STEP_SIZE, STEPS_PER_LEVEL, false, false,
                Init.UNIFORM, DIM);
        double[] start = flat(sampler.start(TestModels.ids(0, 512), new CounterNoise(2)).x());
        assertThat(java.util.Arrays.stream(start).boxed().toList()).allMatch(v -> v >= 0 && v < 1);
        assertThat(sampler.steps()).isEqualTo(LADDER.length * STEPS_PER_LEVEL);
    }
}
