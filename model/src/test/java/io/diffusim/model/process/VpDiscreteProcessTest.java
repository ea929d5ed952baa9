package io.diffusim.model.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class VpDiscreteProcessTest {

    /** docs/science.md §8 K9 prints six significant digits: half a unit in the sixth digit, relative. */
    private static final double SIX_DIGIT_REL_TOL = 5e-6;
    /** Identities between float64 arrays of the same chain. */
    private static final double EXACT_TOL = 1e-12;
    /** Central differences with step FD_STEP inside one interpolation segment are exact up to round-off. */
    private static final double FD_STEP = 1e-5;
    private static final double FD_TOL = 1e-8;

    private static final VpDiscreteProcess LINEAR_100 = new VpDiscreteProcess(LinearBetaSchedule.defaults(100));
    private static final VpDiscreteProcess LINEAR_1000 = new VpDiscreteProcess(LinearBetaSchedule.defaults(1000));

    @Test
    void shouldMatchLinearAlphaBarKnownAnswersK9() {
        assertRelative(LINEAR_100.alphaBar()[99], 0.363563);
        assertRelative(LINEAR_1000.alphaBar()[999], 4.03583e-5);
        assertRelative(LINEAR_100.a(99), Math.sqrt(0.363563));
    }

    @Test
    void shouldMatchPosteriorVarianceKnownAnswerK9() {
        double[] variance = LINEAR_100.posteriorVariance();

        assertRelative(variance[1], 7.50686e-5);
        assertThat(variance[0]).isZero();
        assertThat(Arrays.stream(variance, 1, variance.length).min().getAsDouble())
                .isGreaterThanOrEqualTo(VpDiscreteProcess.MIN_POSTERIOR_VARIANCE);
    }

    @Test
    void shouldStartThePreviousArrayAtOne() {
        double[] previous = LINEAR_100.alphaBarPrev();

        assertThat(previous[0]).isEqualTo(1.0);
        assertThat(previous[42]).isEqualTo(LINEAR_100.alphaBar()[41]);
    }

    @Test
    void shouldMapNoiselessSignalToPreviousSignalThroughPosteriorMeanCoefficients() {
        // E[x_{t-1} | x_0, x_t = sqrt(Abar_t) x_0] = sqrt(Abar_{t-1}) x_0, so c1 + c2 sqrt(Abar_t) = sqrt(Abar_{t-1}).
        double[] c1 = LINEAR_1000.posteriorMeanCoefX0();
        double[] c2 = LINEAR_1000.posteriorMeanCoefXt();
        double[] root = LINEAR_1000.sqrtAlphaBar();
        double[] previous = LINEAR_1000.alphaBarPrev();

        for (int t : new int[] {0, 1, 10, 500, 999}) {
            assertThat(c1[t] + c2[t] * root[t]).isCloseTo(Math.sqrt(previous[t]), within(EXACT_TOL));
        }
    }

    @Test
    void shouldExposeConsistentSquareRootArrays() {
        double[] alphaBar = LINEAR_100.alphaBar();
        int t = 37;

        assertThat(LINEAR_100.sqrtAlphaBar()[t] * LINEAR_100.sqrtRecipAlphaBar()[t]).isCloseTo(1, within(EXACT_TOL));
        assertThat(LINEAR_100.sqrtOneMinusAlphaBar()[t]).isCloseTo(Math.sqrt(1 - alphaBar[t]), within(EXACT_TOL));
        assertThat(LINEAR_100.sqrtRecipAlphaBarMinusOne()[t])
                .isCloseTo(LINEAR_100.b(t) / LINEAR_100.a(t), within(EXACT_TOL));
    }

    @Test
    void shouldAgreeWithArraysAtIntegerTimesAndPreserveVariance() {
        for (double t : new double[] {0, 1, 50.5, 99}) {
            double a = LINEAR_100.a(t);
            double b = LINEAR_100.b(t);
            assertThat(a * a + b * b).isCloseTo(1, within(EXACT_TOL));
        }
        assertThat(LINEAR_100.b(20)).isCloseTo(LINEAR_100.sqrtOneMinusAlphaBar()[20], within(EXACT_TOL));
    }

    @Test
    void shouldInterpolateLogAlphaBarLinearlyBetweenIndices() {
        double[] alphaBar = LINEAR_100.alphaBar();
        double geometricMean = Math.sqrt(alphaBar[30] * alphaBar[31]);

        assertThat(LINEAR_100.a(30.5)).isCloseTo(Math.sqrt(geometricMean), within(EXACT_TOL));
    }

    @Test
    void shouldDifferentiateTheInterpolationInsideASegment() {
        for (double t : new double[] {0.3, 12.5, 98.7}) {
            double aSlope = (LINEAR_100.a(t + FD_STEP) - LINEAR_100.a(t - FD_STEP)) / (2 * FD_STEP);
            double bSlope = (LINEAR_100.b(t + FD_STEP) - LINEAR_100.b(t - FD_STEP)) / (2 * FD_STEP);
            assertThat(LINEAR_100.aDot(t)).isCloseTo(aSlope, within(FD_TOL));
            assertThat(LINEAR_100.bDot(t)).isCloseTo(bSlope, within(FD_TOL));
        }
    }

    @Test
    void shouldRejectTimesOutsideTheChain() {
        assertThatThrownBy(() -> LINEAR_100.a(-0.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-0.5");
        assertThatThrownBy(() -> LINEAR_100.b(99.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("99.5");
        assertThatThrownBy(() -> LINEAR_100.a(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThat(LINEAR_100.tMax()).isEqualTo(99.0);
    }

    private static void assertRelative(double actual, double expected) {
        assertThat(actual).isCloseTo(expected, within(SIX_DIGIT_REL_TOL * Math.abs(expected)));
    }
}
