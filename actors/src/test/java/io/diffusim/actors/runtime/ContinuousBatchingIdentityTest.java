package io.diffusim.actors.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffusim.analysis.run.RunParts;
import io.diffusim.model.denoise.Denoiser;
import io.diffusim.model.denoise.EvalRequest;
import io.diffusim.model.denoise.Prediction;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The identity continuous batching rests on: a closed-form denoiser evaluating requests concatenated by
 * {@link EvalBatch} gives each request bitwise the rows it gets evaluated alone, whatever the sizes (partial BLAS
 * tiles, one row, more rows than a tile). Models the examples use; eqm-empirical is not row-independent and its
 * replica never concatenates ({@link ModelKey#rowIndependent()}).
 */
class ContinuousBatchingIdentityTest {

    private static final String EMPIRICAL = """
            run { particles = 10, data { kind = moons, n = 700 }, process { kind = vp, timesteps = 100 },
                  model { kind = empirical }, sampler { kind = ddpm } }
            """;
    private static final String GMM = """
            run { particles = 10, data { kind = gmm, n = 100, components = [
                    { weight = 0.3, mean = [-2, 0], cov = 0.0625 }, { weight = 0.5, mean = [2, 1], cov = [0.25, 0.04] },
                    { weight = 0.2, mean = [0, -2], cov = [[0.3, 0.2], [0.2, 0.3]] } ] },
                  process { kind = vp, timesteps = 1000 }, model { kind = gmm-exact }, sampler { kind = ddim } }
            """;
    private static final String EMPIRICAL_FM = """
            run { particles = 10, data { kind = circle, n = 1100 }, process { kind = fm },
                  model { kind = empirical }, sampler { kind = fm-euler } }
            """;

    static Stream<Arguments> models() {
        return Stream.of(Arguments.of("empirical", EMPIRICAL, 37.0), Arguments.of("gmm-exact", GMM, 412.0),
                Arguments.of("empirical (fm)", EMPIRICAL_FM, 0.35));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void concatenatedRequestsGetBitwiseTheRowsTheyGetAlone(String name, String spec, double t) {
        RunParts parts = RunSpecs.parts(spec);
        assertThat(ModelKey.of(parts.spec()).rowIndependent()).isTrue();
        Denoiser denoiser = parts.denoiser();
        int[][] groups = {{1, 7}, {7, 1, 1}, {333, 517}, {64, 65, 63}, {100, 900, 3}};
        for (int[] sizes : groups) {
            List<EvalRequest> requests = Arrays.stream(sizes).mapToObj(rows -> request(rows, t)).toList();
            List<Prediction> sliced = EvalBatch.evaluate(denoiser, requests);
            assertThat(sliced).hasSize(requests.size());
            for (int i = 0; i < requests.size(); i++) {
                Prediction alone = denoiser.evaluate(requests.get(i));
                Prediction part = sliced.get(i);
                assertBitwiseEqual(part.x0(), alone.x0());
                assertBitwiseEqual(part.eps(), alone.eps());
                assertBitwiseEqual(part.x(), alone.x());
                assertBitwiseEqual(part.divergence(), alone.divergence());
            }
        }
    }

    @Test
    void theEqmFieldIsNeverConcatenatedBecauseItsRowsDependOnTheirBatchMates() {
        String eqm = """
                run { data { kind = moons, n = 100 }, process { kind = fm }, model { kind = eqm-empirical },
                      sampler { kind = eqm-gd } }
                """;
        assertThat(ModelKey.of(RunSpecs.parse(eqm)).rowIndependent()).isFalse();
    }

    private static EvalRequest request(int rows, double t) {
        INDArray x = Nd4j.randn(DataType.DOUBLE, rows, 2).muli(1.3);
        return new EvalRequest(x, Nd4j.valueArrayOf(new long[] {rows, 1}, t, DataType.DOUBLE), null);
    }

    static void assertBitwiseEqual(INDArray actual, INDArray expected) {
        assertThat(actual.shape()).isEqualTo(expected.shape());
        double[] a = actual.dup('c').data().asDouble();
        double[] e = expected.dup('c').data().asDouble();
        for (int i = 0; i < a.length; i++) {
            assertThat(Double.doubleToRawLongBits(a[i])).as("element %d: %s vs %s", i, a[i], e[i])
                    .isEqualTo(Double.doubleToRawLongBits(e[i]));
        }
    }
}
