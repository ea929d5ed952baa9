package io.diffusim.analysis.learned;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffusim.analysis.run.LocalRun;
import io.diffusim.analysis.run.RunProgress;
import io.diffusim.analysis.run.RunResult;
import io.diffusim.config.RunSpec;
import io.diffusim.config.SpecLoader;
import io.diffusim.model.Nd4jRuntime;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Equilibrium matching with a learned field (docs/science.md §2.7, §3.5): the MLP of §7.3 without a time input,
 * trained on the moons with the truncated c(gamma) of the reference code (a = 0.8, lambda = 4), then sampled by
 * gradient descent and by Nesterov's look-ahead with adaptive stopping. Both match the data in the kNN KL of §7.5,
 * and the evaluations each particle used (NFE) stay below the step budget.
 */
class EqmMlpQualityTest {

    /** KL(data || samples) in bits; below 2 bits counts as baseline quality in §7.6. */
    private static final double MAX_KL_BITS = 0.5;
    private static final int STEPS = 2000;
    /** The reference's K = 250 sampling steps, K - 1 updates (§2.7). */
    private static final int MAX_STEPS = 250;

    @TempDir
    static Path dir;

    @BeforeAll
    static void threads() {
        Nd4jRuntime.configure(2);
    }

    private static RunSpec spec(String sampler) {
        return SpecLoader.parse("""
                run {
                  name = "eqm-mlp-moons"
                  seed = 0
                  particles = 5000
                  batch-size = 5000
                  data { kind = moons, n = 20000 }
                  process { kind = fm }
                  model { kind = mlp, objective = eqm, noise-conditional = false, checkpoint = "eqm.ckpt",
                          train { steps = %d, eqm { c = truncated, a = 0.8, lambda = 4 } } }
                  sampler { kind = %s, step-size = 0.0017, max-steps = %d, stop-gradient-norm = 0.5 }
                  analyses = [ { kind = kl, k = 5 } ]
                }
                """.formatted(STEPS, sampler, MAX_STEPS), dir);
    }

    @Test
    void shouldSampleTheMoonsByGradientDescentAndNesterovWithAdaptiveStopping() throws IOException {
        TrainedRun.Outcome gd = TrainedRun.of(spec("eqm-gd"), dir.resolve("gd"));
        RunResult nag = new LocalRun(spec("eqm-nag"), dir.resolve("nag"), RunProgress.NONE).run();

        double klGd = gd.result().metrics().get("kl.kl");
        double klNag = nag.metrics().get("kl.kl");
        System.out.printf("eqm mlp moons, %d training steps (%.1f s): eqm-gd kl %.4f bits, nfe per particle %.1f; "
                        + "eqm-nag kl %.4f bits, nfe per particle %.1f (budget %d)%n", STEPS, gd.trainingSeconds(),
                klGd, gd.result().nfeMean(), klNag, nag.nfeMean(), MAX_STEPS - 1);
        assertThat(klGd).isLessThan(MAX_KL_BITS);
        assertThat(klNag).isLessThan(MAX_KL_BITS);
        assertThat(gd.result().nfeMean()).isGreaterThan(0).isLessThanOrEqualTo(MAX_STEPS - 1);
        assertThat(nag.nfeMean()).isGreaterThan(0).isLessThanOrEqualTo(MAX_STEPS - 1);
    }
}
