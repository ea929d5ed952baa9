package io.diffusim.model.learned;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffusim.model.Nd4jRuntime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Training is deterministic for a seed, lowers the loss, and keeps the optimiser's and the EMA's bookkeeping. */
class MlpTrainerTest {

    @BeforeAll
    static void threads() {
        Nd4jRuntime.configure(2);
    }

    @Test
    void shouldGiveTheSameWeightsForTheSameSeed() {
        MlpCheckpoint first = TinyTraining.trainer(25, 5).train(MlpTrainer.Progress.NONE);
        MlpCheckpoint second = TinyTraining.trainer(25, 5).train(MlpTrainer.Progress.NONE);
        MlpCheckpoint otherSeed = TinyTraining.trainer(25, 6).train(MlpTrainer.Progress.NONE);

        first.online().arrays().forEach((name, w) -> assertThat(second.online().get(name)).as(name).isEqualTo(w));
        first.ema().arrays().forEach((name, w) -> assertThat(second.ema().get(name)).as(name).isEqualTo(w));
        assertThat(otherSeed.online().get("out.w")).isNotEqualTo(first.online().get("out.w"));
    }

    @Test
    void shouldLowerTheLossAndCountItsSteps() {
        List<Double> losses = new ArrayList<>();
        MlpCheckpoint trained = TinyTraining.trainer(150, 1).train((step, steps, loss, seconds) -> losses.add(loss));

        double early = losses.subList(0, 20).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double late = losses.subList(130, 150).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertThat(losses).hasSize(150);
        assertThat(late).isLessThan(0.8 * early);
        assertThat(trained.step()).isEqualTo(150);
        assertThat(trained.emaCounter()).isEqualTo(150);
        // after the warm-up the average lags the online weights
        assertThat(trained.ema().get("out.w")).isNotEqualTo(trained.online().get("out.w"));
    }
}
