package io.diffusim.analysis.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;

class StepRateTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void shouldKnowNothingBeforeTwoObservations() {
        StepRate rate = new StepRate(false);
        assertThat(rate.stepsPerSecond()).isNaN();
        rate.observe(1, 0);
        assertThat(rate.stepsPerSecond()).isNaN();
        assertThat(rate.secondsLeft(10)).isNaN();
    }

    @Test
    void shouldForgetASlowStartOnceTheWindowHasPassed() {
        StepRate rate = new StepRate(false);
        rate.observe(0, 0);
        rate.observe(1, 10 * SECOND);                  // a 10 s first step (warm-up)
        for (int step = 2; step <= 41; step++) {       // then 2 steps per second for 20 s
            rate.observe(step, 10 * SECOND + (step - 1) * SECOND / 2);
        }
        assertThat(rate.stepsPerSecond()).isCloseTo(2.0, offset(0.1));
        assertThat(rate.secondsLeft(141)).isCloseTo(50.0, offset(2.5));
    }

    @Test
    void shouldAverageOverRecordedStepsThatCostMore() {
        StepRate rate = new StepRate(false);
        long now = 0;
        for (int step = 0; step <= 100; step++) {
            rate.observe(step, now);
            now += step % 5 == 0 ? 1 * SECOND : SECOND / 4;   // every fifth step analysed: 2 s per five steps
        }
        assertThat(rate.stepsPerSecond()).isCloseTo(2.5, offset(0.2));
    }

    @Test
    void shouldGiveOnlyTheRateForASamplerThatStopsEarly() {
        StepRate rate = new StepRate(true);
        rate.observe(0, 0);
        rate.observe(10, SECOND);
        assertThat(rate.stepsPerSecond()).isEqualTo(10.0);
        assertThat(rate.secondsLeft(100)).isNaN();
    }
}
