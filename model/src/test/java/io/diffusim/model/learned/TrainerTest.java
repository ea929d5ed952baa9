package io.diffusim.model.learned;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffusim.model.Nd4jRuntime;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training is deterministic for a seed, lowers the loss, and keeps the optimiser's and the EMA's bookkeeping. */
class TrainerTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void threads() {
        Nd4jRuntime.configure(2);
    }

    @Test
    void shouldGiveTheSameWeightsForTheSameSeed() {
        Checkpoint first = TinyTraining.trainer(25, 5).train(Trainer.Progress.NONE);
        Checkpoint second = TinyTraining.trainer(25, 5).train(Trainer.Progress.NONE);
        Checkpoint otherSeed = TinyTraining.trainer(25, 6).train(Trainer.Progress.NONE);

        first.online().arrays().forEach((name, w) -> assertThat(second.online().get(name)).as(name).isEqualTo(w));
        first.ema().arrays().forEach((name, w) -> assertThat(second.ema().get(name)).as(name).isEqualTo(w));
        assertThat(otherSeed.online().get("out.w")).isNotEqualTo(first.online().get("out.w"));
    }

    @Test
    void shouldResumeToTheWeightsOfAnUninterruptedTraining() throws IOException {
        Checkpoint straight = TinyTraining.trainer(30, 8).train(Trainer.Progress.NONE);
        Trainer first = TinyTraining.trainer(30, 8);
        Trainer.Session cut = first.start();
        for (int k = 0; k < 12; k++) {
            cut.step();
        }
        Path file = dir.resolve("cut.ckpt");
        cut.checkpoint().write(file);

        Trainer second = TinyTraining.trainer(30, 8);
        Checkpoint resumed = second.run(second.resume(Checkpoint.read(file)), Trainer.Progress.NONE, 0,
                c -> { });

        assertThat(resumed.step()).isEqualTo(30);
        assertThat(resumed.emaCounter()).isEqualTo(30);
        straight.online().arrays().forEach((name, w) -> assertThat(resumed.online().get(name)).as(name).isEqualTo(w));
        straight.ema().arrays().forEach((name, w) -> assertThat(resumed.ema().get(name)).as(name).isEqualTo(w));
    }

    @Test
    void shouldRefuseToResumeWithOtherSettingsNamingBoth() throws IOException {
        Path file = dir.resolve("other.ckpt");
        TinyTraining.trainer(5, 8).train(Trainer.Progress.NONE).write(file);
        Checkpoint saved = Checkpoint.read(file);

        assertThatThrownBy(() -> TinyTraining.trainer(30, 8).resume(saved))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("steps=5").hasMessageContaining("steps=30");
    }

    @Test
    void shouldSaveEverySoManyStepsWhileItGoes() throws IOException {
        Trainer trainer = TinyTraining.trainer(25, 8);
        List<Long> saved = new ArrayList<>();

        trainer.run(trainer.start(), Trainer.Progress.NONE, 10, c -> saved.add(c.step()));

        assertThat(saved).containsExactly(10L, 20L);
    }

    @Test
    void shouldLowerTheLossAndCountItsSteps() {
        List<Double> losses = new ArrayList<>();
        Checkpoint trained = TinyTraining.trainer(150, 1).train((step, steps, loss, seconds) -> losses.add(loss));

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
