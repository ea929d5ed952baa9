package io.diffusim.model.learned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import io.diffusim.model.Nd4jRuntime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The log-density head's input gradient by reverse mode against central differences of the head's output per
 * coordinate (the oracle docs/science.md §7.4 names), in double. The coordinates' embedding at scale 25 makes the
 * third derivative large, so h = 1e-6 rather than §7.4's 1e-4, whose O(h^2) error is about 1e-6 here.
 */
class MlpDensityHeadTest {

    private static final double H = 1e-6;
    /** Central differences with h = 1e-6 in double: O(h^2) truncation, about 1e-10 rounding. */
    private static final double TOLERANCE = 1e-7;

    @BeforeAll
    static void threads() {
        Nd4jRuntime.configure(2);
    }

    @Test
    void shouldGiveTheHeadsGradientWithRespectToTheInput() {
        MlpShape shape = new MlpShape(2, 8, 12, 2, 3, true);
        Weights parameters = Weights.initial(shape, 5, DataType.DOUBLE);
        TrainingObjective eps = Objectives.all().get("eps+head");
        MlpDensityHead head = new MlpDensityHead(parameters, eps);
        MlpForward forward = new MlpForward(parameters);
        INDArray x = Nd4j.create(new double[][] {{0.3, -0.2}, {1.1, 0.4}, {-0.7, 0.9}});
        double t = 6;

        INDArray gradient = head.gradient(x, t);

        assertThat(gradient.shape()).containsExactly(3, 2);
        assertThat(gradient.dataType()).isEqualTo(DataType.DOUBLE);
        double[] times = {t, t, t};
        for (int j = 0; j < 2; j++) {
            INDArray step = Nd4j.zeros(DataType.DOUBLE, 3, 2);
            step.putScalar(0, j, H);
            step.putScalar(1, j, H);
            step.putScalar(2, j, H);
            INDArray up = forward.output(x.add(step), times, true);
            INDArray down = forward.output(x.sub(step), times, true);
            for (int i = 0; i < 3; i++) {
                double numeric = (up.getDouble(i, 2) - down.getDouble(i, 2)) / (2 * H);
                assertThat(gradient.getDouble(i, j)).as("row %d, coordinate %d", i, j)
                        .isCloseTo(numeric, within(TOLERANCE * Math.max(1, Math.abs(numeric))));
            }
        }
        assertThat(x.getDouble(0, 0)).isEqualTo(0.3);
    }

    @Test
    void shouldRefuseANetworkWithoutAHead() {
        Weights parameters = Weights.initial(new MlpShape(2, 4, 6, 1, 2, true), 5, DataType.DOUBLE);
        assertThatIllegalArgumentException().isThrownBy(() -> new MlpDensityHead(parameters,
                Objectives.all().get("eps"))).withMessageContaining("no log-density head");
    }
}
