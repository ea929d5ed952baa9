package io.diffusim.model.learned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.diffusim.model.Nd4jRuntime;
import io.diffusim.model.denoise.EvalRequest;
import io.diffusim.model.process.LinearBetaSchedule;
import io.diffusim.model.process.VpDiscreteProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** A checkpoint gives back the trained network bit for bit and refuses to stand in for another architecture. */
class CheckpointTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void threads() {
        Nd4jRuntime.configure(2);
    }

    @Test
    void shouldReloadTheTrainedStateAndGiveIdenticalOutputs() throws IOException {
        Checkpoint trained = TinyTraining.trainer(30, 2).train(Trainer.Progress.NONE);
        Path file = dir.resolve("tiny.ckpt");
        trained.write(file);

        Checkpoint loaded = Checkpoint.read(file);

        assertThat(loaded.shape()).isEqualTo(trained.shape());
        assertThat(loaded.step()).isEqualTo(30);
        assertThat(loaded.emaCounter()).isEqualTo(30);
        assertThat(loaded.process()).isEqualTo(TinyTraining.PROCESS);
        for (String name : trained.shape().names()) {
            assertThat(loaded.online().get(name)).as(name).isEqualTo(trained.online().get(name));
            assertThat(loaded.ema().get(name)).as(name).isEqualTo(trained.ema().get(name));
            assertThat(loaded.adamM().get(name)).as(name).isEqualTo(trained.adamM().get(name));
            assertThat(loaded.adamV().get(name)).as(name).isEqualTo(trained.adamV().get(name));
        }
        VpDiscreteProcess process = new VpDiscreteProcess(new LinearBetaSchedule(TinyTraining.TIMESTEPS, 1e-3, 0.2));
        INDArray x = Nd4j.create(new double[][] {{0.3, -1.2}, {1.0, 0.9}, {-0.5, 0.1}});
        INDArray t = Nd4j.create(new double[][] {{19}, {19}, {19}});
        TrainingObjective eps = new ChainObjective(ChainObjective.Target.EPS, process.sqrtAlphaBar(),
                process.sqrtOneMinusAlphaBar(), 2, null);
        INDArray before = new NetworkDenoiser(process, new MlpForward(trained.ema()), eps).evaluate(new EvalRequest(x, t, null)).eps();
        INDArray after = new NetworkDenoiser(process, new MlpForward(loaded.ema()), eps).evaluate(new EvalRequest(x, t, null)).eps();
        assertThat(after).isEqualTo(before);
        assertThat(after.dataType()).isEqualTo(DataType.DOUBLE);
    }

    @Test
    void shouldNameBothArchitecturesWhenTheSpecAsksForAnother() throws IOException {
        Path file = dir.resolve("tiny.ckpt");
        TinyTraining.trainer(3, 2).train(Trainer.Progress.NONE).write(file);
        Checkpoint loaded = Checkpoint.read(file);
        MlpShape wider = new MlpShape(2, 8, 32, 1, 2, true);

        assertThatThrownBy(() -> loaded.requireMatches(file, wider, "eps", TinyTraining.PROCESS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("width=16")
                .hasMessageContaining("width=32");
        assertThatThrownBy(() -> loaded.requireMatches(file, TinyTraining.SHAPE, "eps", "vp linear T=100"))
                .hasMessageContaining(TinyTraining.PROCESS).hasMessageContaining("vp linear T=100");
    }

    @Test
    void shouldRejectATruncatedFileAndAForeignOne() throws IOException {
        Path file = dir.resolve("tiny.ckpt");
        TinyTraining.trainer(3, 2).train(Trainer.Progress.NONE).write(file);
        byte[] bytes = Files.readAllBytes(file);
        Path cut = Files.write(dir.resolve("cut.ckpt"), Arrays.copyOf(bytes, bytes.length - 10));
        Path foreign = Files.writeString(dir.resolve("foreign.ckpt"), "PK\u0003\u0004 not a checkpoint\n");

        assertThatThrownBy(() -> Checkpoint.read(cut)).isInstanceOf(IOException.class).hasMessageContaining("truncated");
        assertThatThrownBy(() -> Checkpoint.read(foreign)).isInstanceOf(IOException.class)
                .hasMessageContaining("not a diffusim network checkpoint");
    }
}
