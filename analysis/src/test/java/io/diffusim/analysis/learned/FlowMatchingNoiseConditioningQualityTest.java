package io.diffusim.analysis.learned;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffusim.config.RunSpec;
import io.diffusim.config.SpecLoader;
import io.diffusim.model.Nd4jRuntime;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flow matching does not need the noise level (NOCOND, docs/science.md §3.4, §6): the MLP of §7.3 trained on the
 * moons with the flow-matching objective, once with t and once without, both sampled by the flow-matching Euler
 * sampler of §2.5 on the same noise, lands within 0.1 bits of each other in the kNN KL of §7.5.
 */
class FlowMatchingNoiseConditioningQualityTest {

    /** |KL(unconditional) - KL(conditional)| in bits. */
    private static final double MAX_GAP_BITS = 0.1;
    /** Each model must be a model of the moons at all (baseline quality in §7.6 is below 2 bits). */
    private static final double MAX_KL_BITS = 0.5;
    private static final int STEPS = 2000;

    @TempDir
    static Path dir;

    @BeforeAll
    static void threads() {
        Nd4jRuntime.configure(2);
    }

    private static RunSpec spec(boolean conditional) {
        return SpecLoader.parse("""
                run {
                  name = "fm-moons"
                  seed = 0
                  particles = 5000
                  batch-size = 5000
                  data { kind = moons, n = 20000 }
                  process { kind = fm }
                  model { kind = mlp, objective = fm, noise-conditional = %s, checkpoint = "fm-%s.ckpt",
                          train { steps = %d } }
                  sampler { kind = fm-euler }
                  analyses = [ { kind = kl, k = 5 } ]
                }
                """.formatted(conditional, conditional, STEPS), dir);
    }

    @Test
    void shouldSampleTheMoonsAsWellWithoutTheNoiseLevel() throws IOException {
        TrainedRun.Outcome conditional = TrainedRun.of(spec(true), dir.resolve("conditional"));
        TrainedRun.Outcome unconditional = TrainedRun.of(spec(false), dir.resolve("unconditional"));

        double klConditional = conditional.result().metrics().get("kl.kl");
        double klUnconditional = unconditional.result().metrics().get("kl.kl");
        System.out.printf("fm moons, %d steps: conditional kl %.4f bits (training %.1f s), unconditional kl %.4f bits "
                        + "(training %.1f s), gap %.4f%n", STEPS, klConditional, conditional.trainingSeconds(),
                klUnconditional, unconditional.trainingSeconds(), klUnconditional - klConditional);
        assertThat(klConditional).isLessThan(MAX_KL_BITS);
        assertThat(Math.abs(klUnconditional - klConditional)).isLessThan(MAX_GAP_BITS);
    }
}
