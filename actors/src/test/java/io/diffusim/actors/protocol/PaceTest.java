package io.diffusim.actors.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PaceTest {

    @Test
    void shouldSayTheRateAndTheTimeLeft() {
        assertThat(Pace.text(12.4, 40.2)).isEqualTo("12 steps/s, 40 s left");
        assertThat(Pace.text(0.5, 200)).isEqualTo("0.50 steps/s, 3 min 20 s left");
        assertThat(Pace.text(3, 7500)).isEqualTo("3.0 steps/s, 2 h 05 min left");
    }

    @Test
    void shouldSayOnlyTheRateWhenTheEndIsUnknownAndNothingBeforeARateExists() {
        assertThat(Pace.text(25, Double.NaN)).isEqualTo("25 steps/s");
        assertThat(Pace.text(Double.NaN, Double.NaN)).isEmpty();
    }
}
