package io.diffusim.model.learned;

import static org.assertj.core.api.Assertions.assertThat;

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
import io.diffusim.model.param.EdmPreconditioning;
import io.diffusim.model.param.Preconditioning;
import io.diffusim.model.param.UedmPreconditioning;
import io.diffusim.model.process.ForwardProcess;
import io.diffusim.model.process.Processes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * For every objective, with and without the time input: a spec trains a few steps, the checkpoint reloads through
 * {@link Denoisers} into a denoiser whose predictions are bit for bit those of the trained weights, and the
 * prediction is the network's raw output read as the objective's parameterisation (docs/science.md §1.4-1.5, §3.5,
 * §5.3), with {@code x = a x0 + b eps} holding for every timed one.
 */
class ObjectiveReloadTest {

    /** float32 weights: the identity x = a x0 + b eps after a conversion. */
    private static final double IDENTITY = 1e-5;

    @TempDir
    Path dir;

    @BeforeAll
    static void threads() {
        Nd4jRuntime.configure(2);
    }

    static Stream<Arguments> specs() {
        String vp = "kind = vp, timesteps = 10 }, sampler { kind = ddpm";
        String edm = "kind = edm }, sampler { kind = heun";
        String fm = "kind = fm }, sampler { kind = fm-euler";
        String eqm = "kind = fm }, sampler { kind = eqm-gd";
        String ve = "kind = ve }, sampler { kind = langevin";
        return Stream.of(Arguments.of("eps", vp, 7.0), Arguments.of("x0", vp, 7.0), Arguments.of("v", vp, 7.0),
                Arguments.of("eps, density-head = true", vp, 3.0), Arguments.of("edm", edm, 1.3),
                Arguments.of("uedm", edm, 0.4), Arguments.of("fm", fm, 0.6), Arguments.of("eqm", eqm, Double.NaN),
                Arguments.of("ncsn", ve, 0.2), Arguments.of("ssm", ve, 0.2), Arguments.of("ssm-vr", ve, 0.5))
                .flatMap(a -> Stream.of(Arguments.of(a.get()[0], a.get()[1], a.get()[2], true),
                        Arguments.of(a.get()[0], a.get()[1], a.get()[2], false)));
    }

    @ParameterizedTest(name = "{0}, noise-conditional {3}")
    @MethodSource("specs")
    void shouldReloadToIdenticalPredictionsOfItsParameterisation(String objective, String process, double time,
                                                                 boolean conditional) throws IOException {
        RunSpec run = SpecLoader.parse("run { seed = 3, analyses = [], data { kind = moons, n = 200 }, process { "
                + process + " }, model { kind = mlp, checkpoint = \"net.ckpt\", width = 16, blocks = 1, "
                + "noise-conditional = " + conditional + ", objective = " + objective
                + ", train { steps = 4, batch-size = 32 } } }", dir);
        ModelSpec.Mlp mlp = (ModelSpec.Mlp) run.model();
        Dataset data = Datasets.from(run.data(), run.seed());
        ForwardProcess forwardProcess = Processes.from(run.process());
        Trainer trainer = LearnedModels.trainer(mlp, run, data, forwardProcess);
        Checkpoint trained = trainer.train(Trainer.Progress.NONE);
        trained.write(dir.resolve("net.ckpt"));

        Denoiser reloaded = Denoisers.from(mlp, run, data, forwardProcess);
        Denoiser original = new NetworkDenoiser(forwardProcess, new MlpForward(trained.ema()), trainer.objective());
        INDArray x = Nd4j.create(new double[][] {{0.5, 0.2}, {-1.0, 1.5}, {0.1, -0.3}});
        INDArray t = Double.isNaN(time) ? null : Nd4j.valueArrayOf(new long[] {3, 1}, time, DataType.DOUBLE);
        EvalRequest request = new EvalRequest(x, t, null);
        Prediction before = original.evaluate(request);
        Prediction after = reloaded.evaluate(request);

        TrainingObjective read = trainer.objective();
        double[] networkTime = new double[3];
        Arrays.fill(networkTime, read.networkTime(time));
        INDArray input = x.mul(Double.isNaN(time) ? 1 : read.inputScale(time));
        INDArray raw = new MlpForward(trained.ema()).output(input, networkTime, true)
                .get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2)).castTo(DataType.DOUBLE);
        if (after.kind() == Prediction.Kind.FIELD) {
            assertThat(after.field()).isEqualTo(before.field());
            assertThat(after.field().equalsWithEps(raw, 0)).isTrue();
            assertThat(reloaded.process()).isNull();
            return;
        }
        assertThat(after.x0()).isEqualTo(before.x0());
        assertThat(after.eps()).isEqualTo(before.eps());
        INDArray a = after.a();
        INDArray b = after.b();
        assertThat(after.x0().mulColumnVector(a).add(after.eps().mulColumnVector(b)).equalsWithEps(x, IDENTITY)).isTrue();
        INDArray expected = switch (objective.split(",")[0]) {
            case "eps" -> after.eps();
            case "x0" -> after.x0();
            // v = a eps - b x0 (VP)
            case "v" -> after.eps().mulColumnVector(a).sub(after.x0().mulColumnVector(b));
            // F = (D - c_skip x) / c_out
            case "edm", "uedm" -> edmRaw(objective, x, after.x0(), time);
            // u = eps - x0 (FM)
            case "fm" -> after.eps().sub(after.x0());
            default -> after.score();
        };
        assertThat(expected.equalsWithEps(raw, IDENTITY)).as(objective + ": " + expected + " vs " + raw).isTrue();
    }

    private static INDArray edmRaw(String objective, INDArray x, INDArray denoised, double sigma) {
        Preconditioning p = objective.equals("edm") ? EdmPreconditioning.defaults() : UedmPreconditioning.defaults();
        return denoised.sub(x.mul(p.cSkip(sigma))).div(p.cOut(sigma));
    }
}
