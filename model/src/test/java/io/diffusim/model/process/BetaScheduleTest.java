package io.diffusim.model.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BetaScheduleTest {

    /** docs/science.md §8 K9 prints six significant digits: half a unit in the sixth digit, relative. */
    private static final double SIX_DIGIT_REL_TOL = 5e-6;
    /** docs/science.md §1.2 prints cosine Abar_999 = 2.43e-9 to three digits. */
    private static final double THREE_DIGIT_REL_TOL = 5e-3;
    /** Endpoints and identities evaluated in float64. */
    private static final double EXACT_TOL = 1e-12;
    private static final double EXACT_REL_TOL = 1e-12;

    @Test
    void shouldMatchCosineAlphaBarKnownAnswersK9() {
        double[] alphaBar = CosineBetaSchedule.defaults(1000).alphaBar();

        assertThat(alphaBar[0]).isCloseTo(0.999959, within(SIX_DIGIT_REL_TOL * 0.999959));
        assertThat(alphaBar[499]).isCloseTo(0.493844, within(SIX_DIGIT_REL_TOL * 0.493844));
        assertThat(alphaBar[999]).isCloseTo(2.43e-9, within(THREE_DIGIT_REL_TOL * 2.43e-9));
    }

    @Test
    void shouldClipCosineBetasAtTheMaximum() {
        double[] betas = CosineBetaSchedule.defaults(1000).betas();

        assertThat(betas[999]).isEqualTo(0.999);
        assertThat(Arrays.stream(betas).max().getAsDouble()).isLessThanOrEqualTo(0.999);
        assertThat(Arrays.stream(betas).min().getAsDouble()).isPositive();
    }

    @Test
    void shouldSpanLinearBetasFromStartToEnd() {
        double[] betas = LinearBetaSchedule.defaults(1000).betas();

        assertThat(betas).hasSize(1000);
        assertThat(betas[0]).isCloseTo(1e-4, within(EXACT_TOL));
        assertThat(betas[999]).isCloseTo(0.02, within(EXACT_TOL));
    }

    @Test
    void shouldInterpolateQuadraticBetasInSquareRoot() {
        double[] betas = QuadraticBetaSchedule.defaults(101).betas();

        assertThat(betas[0]).isCloseTo(1e-4, within(EXACT_TOL));
        assertThat(betas[100]).isCloseTo(0.02, within(EXACT_TOL));
        // ((sqrt(1e-4) + sqrt(0.02)) / 2)^2 at the midpoint
        assertThat(betas[50]).isCloseTo(0.0057321067811865484, within(EXACT_TOL));
    }

    @Test
    void shouldBuildTheLogLinearSigmaTableAndItsVpView() {
        LogLinearSigmaSchedule schedule = LogLinearSigmaSchedule.defaults();
        double[] sigmas = schedule.sigmas();
        double[] alphaBar = schedule.alphaBar();
        double[] fromBetas = LinearProduct.of(schedule.betas());

        assertThat(sigmas).hasSize(512);
        assertThat(sigmas[0]).isCloseTo(0.01, within(EXACT_REL_TOL * 0.01));
        assertThat(sigmas[511]).isCloseTo(35, within(EXACT_REL_TOL * 35));
        assertThat(alphaBar[300]).isCloseTo(1 / (1 + sigmas[300] * sigmas[300]), within(EXACT_TOL));
        assertThat(fromBetas[511]).isCloseTo(alphaBar[511], within(EXACT_REL_TOL * alphaBar[511]));
    }

    @Test
    void shouldRoundTripBetweenSigmaAndAlphaBar() {
        for (double sigma : new double[] {0, 0.01, 1, 35, 80}) {
            assertThat(VeVpConversion.sigma(VeVpConversion.alphaBar(sigma)))
                    .isCloseTo(sigma, within(EXACT_REL_TOL * (1 + sigma)));
        }
        assertThat(VeVpConversion.veToVpScale(1)).isCloseTo(Math.sqrt(0.5), within(EXACT_TOL));
    }

    @Test
    void shouldRejectInvalidScheduleArguments() {
        assertThatThrownBy(() -> new LinearBetaSchedule(1, 1e-4, 0.02)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1");
        assertThatThrownBy(() -> new QuadraticBetaSchedule(10, 1e-4, 1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1.5");
        assertThatThrownBy(() -> new LogLinearSigmaSchedule(10, 35, 0.01)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VeVpConversion.sigma(0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** The running product of {@code 1 - beta}, written independently of {@link BetaSchedule#alphaBar()}. */
    private static final class LinearProduct {
        static double[] of(double[] betas) {
            double[] out = new double[betas.length];
            double log = 0;
            for (int t = 0; t < betas.length; t++) {
                log += Math.log1p(-betas[t]);
                out[t] = Math.exp(log);
            }
            return out;
        }
    }
}
