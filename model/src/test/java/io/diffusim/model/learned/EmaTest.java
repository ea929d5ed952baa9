package io.diffusim.model.learned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.diffusim.model.Nd4jRuntime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** Known answer K20 (docs/science.md §8): the template's EMA warm-up, and what each call does to the weights. */
class EmaTest {

    private static final Ema.Settings TEMPLATE = Ema.Settings.template();
    private static final MlpShape TINY = new MlpShape(2, 4, 3, 1, 2, true);

    @BeforeAll
    static void threads() {
        Nd4jRuntime.configure(2);
    }

    @Test
    void shouldFirstAverageAtCounter110WithTheKnownDecay() {
        assertThat(Ema.firstAveragingCall(TEMPLATE)).isEqualTo(110);
        assertThat(Ema.decay(TEMPLATE, 100)).isZero();
        assertThat(Ema.decay(TEMPLATE, 110)).isCloseTo(0.797820, within(1e-6));
    }

    @Test
    void shouldReachTheCapFirstAtCounter2930() {
        long first = -1;
        for (long s = 0; s < 10_000 && first < 0; s++) {
            if (Ema.acts(TEMPLATE, s) && Ema.decay(TEMPLATE, s) == TEMPLATE.max()) {
                first = s;
            }
        }
        assertThat(first).isEqualTo(2930);
        assertThat(Ema.decay(TEMPLATE, 2920)).isLessThan(0.995);
    }

    @Test
    void shouldCopyThroughTheWarmUpThenAverage() {
        Weights online = Weights.initial(TINY, 1, DataType.DOUBLE);
        Ema ema = new Ema(online.copy(DataType.DOUBLE), TEMPLATE, 0);
        for (int s = 0; s <= 110; s++) {
            online.get("out.b").assign(s);
            ema.update(online);
        }
        // calls 100 (the last warm-up copy) and 110 (the template's one more copy) leave the average at the weights
        assertThat(ema.average().get("out.b").getDouble(0)).isEqualTo(110.0);
        for (int s = 111; s <= 120; s++) {
            online.get("out.b").assign(s);
            ema.update(online);
        }
        double delta = Ema.decay(TEMPLATE, 120);
        assertThat(ema.average().get("out.b").getDouble(0)).isCloseTo(delta * 110 + (1 - delta) * 120, within(1e-12));
        assertThat(ema.counter()).isEqualTo(121);
    }
}
