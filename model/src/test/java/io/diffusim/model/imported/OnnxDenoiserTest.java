package io.diffusim.model.imported;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import io.diffusim.config.RunSpec;
import io.diffusim.config.SpecLoader;
import io.diffusim.model.data.Datasets;
import io.diffusim.model.denoise.Denoiser;
import io.diffusim.model.denoise.Denoisers;
import io.diffusim.model.denoise.EvalRequest;
import io.diffusim.model.denoise.Prediction;
import io.diffusim.model.process.ForwardProcess;
import io.diffusim.model.process.Processes;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Networks exported from PyTorch (src/test/resources/onnx/make_networks.py, fixed weights) run through ONNX Runtime
 * give the affine map the script wrote, read as each declared parameterisation; every way a file can be wrong is an
 * error naming model.path.
 */
class OnnxDenoiserTest {

    /** The script's weights: out = x W + t c + bias. */
    private static final double[][] W = {{0.5, -0.25}, {0.125, 2.0}};
    private static final double[] C = {0.01, -0.02};
    private static final double[] BIAS = {0.1, -0.3};
    private static final double[][] X = {{0.3, -1.2}, {2.0, 0.5}, {-0.7, 0.1}};
    private static final double T = 37;

    @TempDir
    Path dir;

    private static Path resource(String name) {
        try {
            return Path.of(OnnxDenoiserTest.class.getResource("/onnx/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double expected(int row, int column, boolean withTime) {
        double value = BIAS[column] + (withTime ? T * C[column] : 0);
        for (int k = 0; k < 2; k++) {
            value += X[row][k] * W[k][column];
        }
        return value;
    }

    private static double[] flat() {
        return new double[] {X[0][0], X[0][1], X[1][0], X[1][1], X[2][0], X[2][1]};
    }

    @Test
    void shouldComputeTheExportedAffineMapInFloat32AndFloat64() throws Exception {
        try (OnnxNetwork withTime = OnnxNetwork.load(resource("affine-eps.onnx"), true, 1);
                OnnxNetwork withoutTime = OnnxNetwork.load(resource("affine-notime.onnx"), false, 1)) {
            double[] out32 = withTime.run(flat(), 3, new double[] {T, T, T});
            double[] out64 = withoutTime.run(flat(), 3, null);
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 2; j++) {
                    assertThat(out32[2 * i + j]).isCloseTo(expected(i, j, true), within(1e-6));
                    assertThat(out64[2 * i + j]).isCloseTo(expected(i, j, false), within(1e-15));
                }
            }
        }
    }

    @Test
    void shouldReadTheOutputAsEachDeclaredParameterisation() {
        RunSpec eps = spec("affine-eps.onnx", "eps", true);
        Prediction asEps = evaluate(eps);
        RunSpec score = spec("affine-eps.onnx", "score", true);
        Prediction asScore = evaluate(score);
        RunSpec x0 = spec("affine-eps.onnx", "x0", true);
        Prediction asX0 = evaluate(x0);
        ForwardProcess process = Processes.from(eps.process());
        double a = process.a(T);
        double b = process.b(T);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 2; j++) {
                double out = expected(i, j, true);
                assertThat(asEps.eps().getDouble(i, j)).isCloseTo(out, within(1e-6));
                assertThat(asEps.x0().getDouble(i, j)).isCloseTo((X[i][j] - b * out) / a, within(1e-5));
                assertThat(asScore.eps().getDouble(i, j)).as("eps = -b s").isCloseTo(-b * out, within(1e-6));
                assertThat(asX0.x0().getDouble(i, j)).isCloseTo(out, within(1e-6));
            }
        }
    }

    @Test
    void shouldNameWhatIsWrongWithTheFile() throws IOException {
        assertThatIllegalArgumentException().isThrownBy(() -> evaluate(spec("affine-eps.onnx", "eps", false)))
                .withMessageContaining("model.path = ").withMessageContaining("takes 2 inputs")
                .withMessageContaining("model.time-input = false needs 1");
        Path garbage = Files.write(dir.resolve("garbage.onnx"), "not a network".getBytes());
        assertThatIllegalArgumentException().isThrownBy(() -> OnnxNetwork.load(garbage, true, 1))
                .withMessageContaining("model.path = " + garbage).withMessageContaining("not a network ONNX Runtime can load");
        byte[] whole = Files.readAllBytes(resource("affine-eps.onnx"));
        Path truncated = Files.write(dir.resolve("truncated.onnx"), java.util.Arrays.copyOf(whole, whole.length / 2));
        assertThatIllegalArgumentException().isThrownBy(() -> OnnxNetwork.load(truncated, true, 1))
                .withMessageContaining("model.path = " + truncated);
        RunSpec threeDimensional = SpecLoader.parse("run { analyses = [], data { kind = gmm, components = [ { mean = "
                + "[0, 0, 0], cov = 1 } ] }, model { kind = onnx, path = \"" + resource("affine-eps.onnx") + "\" } }", dir);
        assertThatIllegalArgumentException().isThrownBy(() -> denoiser(threeDimensional))
                .withMessageContaining("the network takes 2-dimensional points; the run's data have 3 dimensions");
        assertThatIllegalArgumentException().isThrownBy(() -> denoiser(SpecLoader.parse("run { analyses = [], "
                + "process { kind = ve }, sampler { kind = euler }, data { kind = moons, n = 10 }, model { kind = onnx, parameterisation = v, path = \""
                + resource("affine-eps.onnx") + "\" } }", dir)))
                .withMessageContaining("v-prediction needs a variance-preserving process");
    }

    private RunSpec spec(String network, String parameterisation, boolean timeInput) {
        return SpecLoader.parse("run { analyses = [], data { kind = moons, n = 10 }, model { kind = onnx, path = \""
                + resource(network) + "\", parameterisation = " + parameterisation + ", time-input = " + timeInput
                + " } }", dir);
    }

    private static Denoiser denoiser(RunSpec run) {
        return Denoisers.from(run.model(), run, Datasets.from(run.data(), run.seed()), Processes.from(run.process()));
    }

    private static Prediction evaluate(RunSpec run) {
        INDArray x = Nd4j.create(flat(), new long[] {3, 2}, DataType.DOUBLE);
        INDArray t = Nd4j.valueArrayOf(new long[] {3, 1}, T, DataType.DOUBLE);
        return denoiser(run).evaluate(new EvalRequest(x, t, null));
    }
}
