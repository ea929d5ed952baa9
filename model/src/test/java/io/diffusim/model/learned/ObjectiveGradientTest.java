package io.diffusim.model.learned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.diffusim.model.Nd4jRuntime;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Every objective's loss and its SameDiff gradients on a tiny network in double, with and without the time input:
 * the loss against its formula (docs/science.md §1.4, §1.5, §3.5, §5.3, §7.4) computed from the network's output,
 * with {@code v^T J v} of the sliced losses by central differences of the output along v; and SameDiff's gradient
 * of every weight against central differences of the loss ("central differences" as the oracle of a learned model's
 * derivatives, docs/science.md).
 */
class ObjectiveGradientTest {

    private static final double H = 1e-6;
    /** Relative agreement of SameDiff's gradient and central differences (double, h = 1e-6). */
    private static final double GRADIENT = 1e-6;
    /** The loss against its formula; the sliced losses' v^T J v by central differences with h = 1e-5. */
    private static final double LOSS = 1e-8;
    private static final double INPUT_H = 1e-5;

    @BeforeAll
    static void threads() {
        Nd4jRuntime.configure(2);
    }

    static Stream<Arguments> objectives() {
        return Objectives.all().entrySet().stream().flatMap(e -> Stream.of(
                Arguments.of(e.getKey(), e.getValue(), true), Arguments.of(e.getKey(), e.getValue(), false)));
    }

    private static MlpShape shape(String name, boolean timeInput) {
        return new MlpShape(2, 4, 6, 2, name.endsWith("+head") ? 3 : 2, timeInput);
    }

    private static TrainingFeed feed(String name, TrainingObjective objective, boolean timeInput) {
        return new TrainingDraws(TinyTraining.points(), 2, 6, objective, shape(name, timeInput).hasDensityHead(),
                DataType.DOUBLE, 17).next();
    }

    @ParameterizedTest(name = "{0}, time input {2}")
    @MethodSource("objectives")
    void shouldComputeTheObjectivesLossFromTheNetworksOutput(String name, TrainingObjective objective, boolean timeInput) {
        MlpShape shape = shape(name, timeInput);
        TrainingGraph graph = new TrainingGraph(Weights.initial(shape, 3, DataType.DOUBLE), objective.loss());
        TrainingFeed feed = feed(name, objective, timeInput);

        INDArray out = graph.output(feed.x(), feed.t());
        INDArray s = out.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2));
        int rows = (int) feed.x().rows();
        double expected = 0;
        for (int i = 0; i < rows; i++) {
            double rowLoss;
            if (objective.loss() == LossForm.REGRESSION) {
                rowLoss = squaredNorm(s.getRow(i).sub(feed.target().getRow(i)));
            } else {
                INDArray v = feed.probe().getRow(i).reshape(1, 2);
                INDArray xi = feed.x().getRow(i).reshape(1, 2);
                INDArray ti = feed.t().getRow(i).reshape(1, 1);
                double up = dot(v, graph.output(xi.add(v.mul(INPUT_H)), ti).get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2)));
                double down = dot(v, graph.output(xi.sub(v.mul(INPUT_H)), ti).get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2)));
                double vJv = (up - down) / (2 * INPUT_H);
                INDArray si = s.getRow(i).reshape(1, 2);
                rowLoss = vJv + 0.5 * (objective.loss() == LossForm.SLICED ? Math.pow(dot(v, si), 2) : squaredNorm(si));
            }
            expected += feed.weight().getDouble(i, 0) * rowLoss;
            if (shape.hasDensityHead()) {
                expected += feed.head().getDouble(i, 0) * out.getDouble(i, 2);
            }
        }
        expected /= rows;

        assertThat(graph.loss(feed)).isCloseTo(expected, within(LOSS * Math.max(1, Math.abs(expected))));
    }

    @ParameterizedTest(name = "{0}, time input {2}")
    @MethodSource("objectives")
    void shouldMatchCentralDifferencesOfTheLoss(String name, TrainingObjective objective, boolean timeInput) {
        TrainingGraph graph = new TrainingGraph(Weights.initial(shape(name, timeInput), 3, DataType.DOUBLE),
                objective.loss());
        TrainingFeed feed = feed(name, objective, timeInput);
        CentralDifferences.Result check = CentralDifferences.check(graph, feed, H, GRADIENT);
        System.out.printf("gradient check %s (time input %s): %d weights, worst relative error %.2e%n", name,
                timeInput, check.checked(), check.worst());
        assertThat(check.checked()).isEqualTo((int) graph.parameters().count());
    }

    private static double squaredNorm(INDArray v) {
        double n = v.norm2Number().doubleValue();
        return n * n;
    }

    private static double dot(INDArray a, INDArray b) {
        return a.mul(b).sumNumber().doubleValue();
    }
}
