package io.diffusim.model.learned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.diffusim.model.Nd4jRuntime;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The training graph's eps loss as the template's MSE, one pass giving what the separate calls give, and the
 * inference pass against the graph's output (each objective's gradients: {@link ObjectiveGradientTest}).
 */
class TrainingGraphTest {

    private static final MlpShape TINY = new MlpShape(2, 4, 6, 2, 2, true);
    private static final double SAME_FUNCTION = 1e-12;

    @BeforeAll
    static void threads() {
        Nd4jRuntime.configure(2);
    }

    @Test
    void shouldGiveTheTemplatesMeanSquaredErrorForEpsWeightedByOneOverD() {
        Weights parameters = Weights.initial(TINY, 3, DataType.DOUBLE);
        TrainingGraph graph = new TrainingGraph(parameters);
        Batch batch = batch(7, 5);

        INDArray out = graph.output(batch.xt, batch.t);
        double mse = out.sub(batch.eps).norm2Number().doubleValue();
        assertThat(graph.loss(feed(batch))).isCloseTo(mse * mse / (5 * 2), within(SAME_FUNCTION));
    }

    @Test
    void shouldGiveTheLossAndGradientsOfOnePassAsTheSeparateCalls() {
        TrainingGraph graph = new TrainingGraph(Weights.initial(TINY, 4, DataType.DOUBLE));
        Batch batch = batch(9, 6);

        TrainingGraph.LossAndGradients both = graph.lossAndGradients(feed(batch));

        assertThat(both.loss()).isCloseTo(graph.loss(feed(batch)), within(SAME_FUNCTION));
        Map<String, INDArray> separate = graph.gradients(feed(batch));
        separate.forEach((name, g) -> assertThat(both.gradients().get(name).equalsWithEps(g, SAME_FUNCTION)).as(name).isTrue());
    }

    @Test
    void shouldComputeTheGraphsNetworkInTheInferencePass() {
        Weights parameters = Weights.initial(MlpShape.reference(2, false), 5, DataType.DOUBLE);
        TrainingGraph graph = new TrainingGraph(parameters);
        MlpForward forward = new MlpForward(parameters);
        Batch mixed = batch(11, 33);
        double[] times = mixed.t.toDoubleVector();

        INDArray expected = graph.output(mixed.xt, mixed.t);
        assertThat(forward.output(mixed.xt, times, false).equalsWithEps(expected, 1e-10)).isTrue();

        INDArray sameT = Nd4j.valueArrayOf(new long[] {33, 1}, 42.0, DataType.DOUBLE);
        double[] sameTimes = sameT.toDoubleVector();
        assertThat(forward.output(mixed.xt, sameTimes, true).equalsWithEps(graph.output(mixed.xt, sameT), 1e-10))
                .isTrue();
        // a second call reuses the thread's buffers and must not see the first call's values
        assertThat(forward.output(mixed.xt, times, false).equalsWithEps(expected, 1e-10)).isTrue();
    }

    @Test
    void shouldWorkWithoutATimeInput() {
        MlpShape unconditional = new MlpShape(2, 4, 6, 1, 2, false);
        Weights parameters = Weights.initial(unconditional, 8, DataType.DOUBLE);
        Batch batch = batch(12, 4);

        INDArray expected = new TrainingGraph(parameters).output(batch.xt, null);

        assertThat(unconditional.names()).doesNotContain("in.wt");
        assertThat(new MlpForward(parameters).output(batch.xt, null, true).equalsWithEps(expected, 1e-10)).isTrue();
    }

    private record Batch(INDArray xt, INDArray t, INDArray eps) {
    }

    /** The eps-prediction feed: target eps, weight 1/D per row. */
    private static TrainingFeed feed(Batch batch) {
        return new TrainingFeed(batch.xt, batch.t, batch.eps,
                Nd4j.valueArrayOf(new long[] {batch.xt.rows(), 1}, 0.5, DataType.DOUBLE), null, null);
    }

    private static Batch batch(long seed, int rows) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[rows][2];
        double[][] t = new double[rows][1];
        double[][] eps = new double[rows][2];
        for (int r = 0; r < rows; r++) {
            x[r][0] = random.nextGaussian();
            x[r][1] = random.nextGaussian();
            t[r][0] = random.nextInt(100);
            eps[r][0] = random.nextGaussian();
            eps[r][1] = random.nextGaussian();
        }
        return new Batch(Nd4j.create(x), Nd4j.create(t), Nd4j.create(eps));
    }
}
