package io.diffusim.model.learned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.diffusim.config.ModelSpec;
import io.diffusim.config.RunSpec;
import io.diffusim.config.SpecLoader;
import io.diffusim.model.Nd4jRuntime;
import io.diffusim.model.data.Dataset;
import io.diffusim.model.data.Datasets;
import io.diffusim.model.denoise.Denoiser;
import io.diffusim.model.denoise.Denoisers;
import io.diffusim.model.denoise.EvalRequest;
import io.diffusim.model.denoise.Prediction;
import io.diffusim.model.process.ForwardProcess;
import io.diffusim.model.process.Processes;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The spec's mlp block trains into a checkpoint that Denoisers turns into a working eps model, and only that one;
 * combinations of objective and process that cannot train name the key.
 */
class LearnedModelsTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void threads() {
        Nd4jRuntime.configure(2);
    }

    private RunSpec spec(String model, String process) {
        return SpecLoader.parse("run { seed = 3, analyses = [], data { kind = moons, n = 200 }, process { " + process
                + " }, model { kind = mlp, checkpoint = \"net.ckpt\", " + model + " } }", dir);
    }

    private static Dataset data(RunSpec run) {
        return Datasets.from(run.data(), run.seed());
    }

    private static Checkpoint train(RunSpec run) {
        return LearnedModels.trainer((ModelSpec.Mlp) run.model(), run, data(run), Processes.from(run.process()))
                .train(Trainer.Progress.NONE);
    }

    @Test
    void shouldSampleFromTheCheckpointTheSpecTrained() throws IOException {
        RunSpec run = spec("width = 16, blocks = 1, train { steps = 20, batch-size = 32 }", "kind = vp, timesteps = 10");
        Checkpoint trained = train(run);
        trained.write(dir.resolve("net.ckpt"));
        ForwardProcess process = Processes.from(run.process());

        Denoiser denoiser = Denoisers.from(run.model(), run, data(run), process);
        INDArray x = Nd4j.create(new double[][] {{0.5, 0.2}, {-1.0, 1.5}});
        INDArray t = Nd4j.create(new double[][] {{7}, {7}});
        Prediction prediction = denoiser.evaluate(new EvalRequest(x, t, null));

        INDArray expectedEps = new MlpForward(trained.ema()).output(x, new double[] {7, 7}, true);
        assertThat(prediction.kind()).isEqualTo(Prediction.Kind.EPS);
        assertThat(prediction.eps().equalsWithEps(expectedEps.castTo(x.dataType()), 0)).isTrue();
        // x0 = (x - b eps) / a (docs/science.md §1.4)
        double a = process.a(7);
        double b = process.b(7);
        assertThat(prediction.x0().getDouble(1, 0)).isEqualTo((x.getDouble(1, 0) - b * prediction.eps().getDouble(1, 0)) / a);
        assertThat(trained.process()).contains("kind = vp").contains("timesteps = 10");
    }

    @Test
    void shouldRefuseACheckpointOfAnotherArchitectureOrProcess() throws IOException {
        RunSpec small = spec("width = 16, blocks = 1, train { steps = 2, batch-size = 32 }", "kind = vp, timesteps = 10");
        train(small).write(dir.resolve("net.ckpt"));

        RunSpec wider = spec("width = 24, blocks = 1", "kind = vp, timesteps = 10");
        assertThatIllegalArgumentException().isThrownBy(() -> Denoisers.from(wider.model(), wider, data(wider),
                        Processes.from(wider.process())))
                .withMessageContaining("width=16").withMessageContaining("width=24").withMessageContaining("net.ckpt");
        RunSpec longer = spec("width = 16, blocks = 1", "kind = vp, timesteps = 20");
        assertThatIllegalArgumentException().isThrownBy(() -> Denoisers.from(longer.model(), longer, data(longer),
                        Processes.from(longer.process())))
                .withMessageContaining("timesteps = 10").withMessageContaining("timesteps = 20");
    }

    @Test
    void shouldNameTheKeyTrainingCannotHandle() {
        RunSpec ve = spec("width = 16", "kind = ve }, sampler { kind = heun");
        assertThatIllegalArgumentException().isThrownBy(() -> train(ve)).withMessageStartingWith("process.kind = ve")
                .withMessageContaining("objective = eps").withMessageContaining("vp");
        RunSpec fmOnVp = spec("width = 16, objective = fm", "kind = vp");
        assertThatIllegalArgumentException().isThrownBy(() -> train(fmOnVp)).withMessageStartingWith("process.kind = vp")
                .withMessageContaining("objective = fm");
        RunSpec head = spec("width = 16, objective = fm, density-head = true", "kind = fm }, sampler { kind = fm-euler");
        assertThatIllegalArgumentException().isThrownBy(() -> train(head))
                .withMessageStartingWith("model.density-head = true");
        RunSpec conditional = spec("width = 16, condition = class", "kind = vp");
        assertThatIllegalArgumentException().isThrownBy(() -> train(conditional))
                .withMessageStartingWith("model.condition = class");
    }

    @Test
    void shouldNameAMissingCheckpointFile() {
        RunSpec run = spec("width = 16", "kind = vp");
        assertThatIllegalArgumentException().isThrownBy(() -> Denoisers.from(run.model(), run, data(run),
                Processes.from(run.process()))).withMessageStartingWith("model.checkpoint = ");
    }
}
