package io.diffusim.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RunningMeanTest {

    private static final double ABS_TOL = 1e-12;
    private static final double[] VALUES = {1.0, 2.0, 4.0, 7.0, 11.0};
    // Mean 5; sample variance Σ(x−5)²/4 = (16+9+1+4+36)/4 = 16.5; standard error sqrt(16.5/5).
    private static final double MEAN = 5.0;
    private static final double STANDARD_ERROR = Math.sqrt(16.5 / 5.0);

    @Test
    void shouldBeNaNUntilDataArrives() {
        RunningMean mean = RunningMean.create();
        assertThat(mean.result()).isNaN();
        assertThat(mean.uncertainty()).isNaN();
        assertThat(mean.count()).isZero();
        mean.accept(3.0);
        assertThat(mean.result()).isEqualTo(3.0);
        assertThat(mean.uncertainty()).isNaN();
    }

    @Test
    void shouldComputeMeanAndStandardError() {
        RunningMean mean = RunningMean.of(VALUES);
        assertThat(mean.result()).isCloseTo(MEAN, within(ABS_TOL));
        assertThat(mean.uncertainty()).isCloseTo(STANDARD_ERROR, within(ABS_TOL));
        assertThat(mean.count()).isEqualTo(VALUES.length);
    }

    @Test
    void shouldCombineAsIfOneEstimatorSawEverything() {
        for (int split = 0; split <= VALUES.length; split++) {
            RunningMean left = RunningMean.of(java.util.Arrays.copyOfRange(VALUES, 0, split));
            RunningMean right = RunningMean.create();
            for (int i = split; i < VALUES.length; i++) {
                right.accept(Double.valueOf(VALUES[i]));
            }
            RunningMean rightFirst = RunningMean.create().combine(right).combine(left);
            left.combine(right);
            assertThat(left.result()).isCloseTo(MEAN, within(ABS_TOL));
            assertThat(left.uncertainty()).isCloseTo(STANDARD_ERROR, within(ABS_TOL));
            assertThat(rightFirst.result()).isCloseTo(MEAN, within(ABS_TOL));
            assertThat(rightFirst.uncertainty()).isCloseTo(STANDARD_ERROR, within(ABS_TOL));
            assertThat(right.count()).isEqualTo(VALUES.length - split);
        }
    }
}
