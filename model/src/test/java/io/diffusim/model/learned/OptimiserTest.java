package io.diffusim.model.learned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.diffusim.model.Nd4jRuntime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** AdamW, the cosine decay and the gradient clipping against their closed forms (docs/science.md §7.3). */
class OptimiserTest {

    private static final MlpShape TINY = new MlpShape(1, 4, 1, 0, 1, false);

    @BeforeAll
    static void threads() {
        Nd4jRuntime.configure(2);
    }

    @Test
    void shouldTakeTheAdamWStepsOfPyTorch() {
        Weights p = Weights.initial(TINY, 1, DataType.DOUBLE);
        p.arrays().values().forEach(w -> w.assign(2.0));
        AdamW adam = new AdamW(p, 0.01);
        double lr = 0.1;
        double g1 = 0.5;
        double g2 = -1.5;

        adam.stepInPlace(p, gradients(p, g1), lr);
        // step 1: m-hat = g, v-hat = g^2, so the Adam part is lr g / (|g| + eps)
        double expected1 = 2.0 * (1 - lr * 0.01) - lr * g1 / (Math.abs(g1) + AdamW.EPSILON);
        assertThat(p.get("out.b").getDouble(0)).isCloseTo(expected1, within(1e-12));

        adam.stepInPlace(p, gradients(p, g2), lr);
        double m = 0.9 * 0.1 * g1 + 0.1 * g2;
        double v = 0.999 * 0.001 * g1 * g1 + 0.001 * g2 * g2;
        double expected2 = expected1 * (1 - lr * 0.01)
                - lr / (1 - 0.81) * m / (Math.sqrt(v) / Math.sqrt(1 - 0.999 * 0.999) + AdamW.EPSILON);
        assertThat(p.get("out.b").getDouble(0)).isCloseTo(expected2, within(1e-12));
        assertThat(adam.step()).isEqualTo(2);
    }

    @Test
    void shouldAnnealTheLearningRateToZeroOnACosine() {
        CosineDecay decay = new CosineDecay(3e-4, 10_000);

        assertThat(decay.lr(0)).isEqualTo(3e-4);
        assertThat(decay.lr(5_000)).isCloseTo(1.5e-4, within(1e-15));
        assertThat(decay.lr(10_000)).isCloseTo(0, within(1e-18));
    }

    @Test
    void shouldClipTheTotalNormAndLeaveSmallGradientsAlone() {
        Map<String, INDArray> big = new LinkedHashMap<>();
        big.put("a", Nd4j.create(new double[] {3, 0}, new long[] {1, 2}));
        big.put("b", Nd4j.create(new double[] {0, 4}, new long[] {1, 2}));

        double norm = GradientClip.clipInPlace(big, 0.5);

        assertThat(norm).isCloseTo(5, within(1e-12));
        assertThat(big.get("a").getDouble(0)).isCloseTo(3 * 0.5 / (5 + 1e-6), within(1e-12));
        assertThat(big.get("b").getDouble(1)).isCloseTo(4 * 0.5 / (5 + 1e-6), within(1e-12));
        Map<String, INDArray> small = Map.of("a", Nd4j.create(new double[] {0.3, 0.1}, new long[] {1, 2}));
        GradientClip.clipInPlace(small, 0.5);
        assertThat(small.get("a").getDouble(0)).isEqualTo(0.3);
    }

    private static Map<String, INDArray> gradients(Weights p, double value) {
        Map<String, INDArray> g = new LinkedHashMap<>();
        p.arrays().forEach((name, w) -> g.put(name, w.ulike().assign(value)));
        return g;
    }
}
