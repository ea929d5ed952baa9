package io.diffusim.model.process.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.diffusim.model.process.LogLinearSigmaSchedule;
import io.diffusim.model.process.grid.DdimSubsequence.Spacing;
import org.junit.jupiter.api.Test;

class SamplingGridsTest {

    /** docs/science.md §1.3 and §4.2 print five significant digits: half a unit in the fifth digit, relative. */
    private static final double FIVE_DIGIT_REL_TOL = 5e-5;
    /** Exact endpoints in float64. */
    private static final double EXACT_TOL = 1e-12;

    private static final double[] EDM_GRID = {80, 57.586, 40.786, 28.375, 19.352, 12.910, 8.4009, 5.3152, 3.2568,
        1.9233, 1.0882, 0.58535, 0.29644, 0.13952, 0.059947, 0.022935, 0.0075280, 0.002};
    private static final double[] NCSN_LADDER = {1, 0.59948, 0.35938, 0.21544, 0.12915, 0.077426, 0.046416, 0.027826,
        0.016681, 0.01};
    private static final double[] SMALLDIFF_SIGMA_EVAL = {35, 12.595, 4.5323, 1.6310, 0.58690, 0.21120, 0.076000,
        0.027349, 0.01};

    @Test
    void shouldReproduceTheEighteenEdmSigmasAndTheTerminalZeroK9() {
        double[] times = EdmRhoGrid.defaults().times();

        assertThat(times).hasSize(19);
        assertFiveDigits(EdmRhoGrid.defaults().sigmas(), EDM_GRID);
        assertThat(times[18]).isZero();
    }

    @Test
    void shouldReproduceTheNcsnLadderK9() {
        assertFiveDigits(NcsnLadder.defaults().times(), NCSN_LADDER);
    }

    @Test
    void shouldSubsampleTheLogLinearTableWithTrailingIndicesK9() {
        double[] sigmas = TrailingSigmaGrid.of(LogLinearSigmaSchedule.defaults(), 64).times();

        assertThat(sigmas).hasSize(65);
        assertFiveDigits(new double[] {sigmas[0], sigmas[1], sigmas[2]}, new double[] {35, 30.802, 27.108});
        assertFiveDigits(new double[] {sigmas[62], sigmas[63], sigmas[64]}, new double[] {0.012707, 0.011183, 0.01});
        assertStrictlyDescending(sigmas);
    }

    @Test
    void shouldGiveTheSmalldiffEvaluationLevelsAsEveryEighthSigmaK9() {
        double[] sigmas = TrailingSigmaGrid.of(LogLinearSigmaSchedule.defaults(), 64).times();
        double[] everyEighth = new double[9];
        for (int i = 0; i < everyEighth.length; i++) {
            everyEighth[i] = sigmas[8 * i];
        }

        assertFiveDigits(everyEighth, SMALLDIFF_SIGMA_EVAL);
    }

    @Test
    void shouldSpanTheChainWithLinspaceDdimSubsequence() {
        int[] tau = DdimSubsequence.linspace(1000, 50).timesteps();

        assertThat(tau).hasSize(50);
        assertThat(tau[0]).isEqualTo(999);
        assertThat(tau[49]).isZero();
        assertThat(DdimSubsequence.linspace(1000, 1000).timesteps()[500]).isEqualTo(499);
        assertStrictlyDescending(DdimSubsequence.linspace(1000, 50).times());
    }

    @Test
    void shouldPlaceLeadingAndTrailingSubsequencesAtTheirDocumentedEnds() {
        int[] leading = new DdimSubsequence(1000, 10, Spacing.LEADING).timesteps();
        int[] trailing = new DdimSubsequence(1000, 10, Spacing.TRAILING).timesteps();

        assertThat(leading).containsExactly(900, 800, 700, 600, 500, 400, 300, 200, 100, 0);
        assertThat(trailing).containsExactly(999, 899, 799, 699, 599, 499, 399, 299, 199, 99);
        assertStrictlyDescending(new DdimSubsequence(100, 7, Spacing.LEADING).times());
        assertStrictlyDescending(new DdimSubsequence(100, 7, Spacing.TRAILING).times());
    }

    @Test
    void shouldStepFlowMatchingTimeUniformlyFromNoiseToData() {
        double[] times = new FlowMatchingGrid(4).times();

        assertThat(times).containsExactly(new double[] {1, 0.75, 0.5, 0.25, 0}, within(EXACT_TOL));
    }

    @Test
    void shouldRejectInvalidGridArguments() {
        assertThatThrownBy(() -> new EdmRhoGrid(1, 0.002, 80, 7)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1");
        assertThatThrownBy(() -> DdimSubsequence.linspace(10, 11)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("11");
        assertThatThrownBy(() -> new TrailingSigmaGrid(new double[] {1, 0.5, 2}, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FlowMatchingGrid(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NcsnLadder(10, 0.01, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertFiveDigits(double[] actual, double[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("value %d", i).isCloseTo(expected[i], within(FIVE_DIGIT_REL_TOL * expected[i]));
        }
    }

    private static void assertStrictlyDescending(double[] values) {
        for (int i = 1; i < values.length; i++) {
            assertThat(values[i]).as("value %d", i).isLessThan(values[i - 1]);
        }
    }
}
