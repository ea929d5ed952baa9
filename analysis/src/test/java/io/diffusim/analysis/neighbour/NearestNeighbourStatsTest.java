package io.diffusim.analysis.neighbour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.diffusim.analysis.Matrices;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class NearestNeighbourStatsTest {

    private static final double ABS_TOL = 1e-12;
    private static final double EXPANSION_TOL = 1e-7;
    private static final int HIGH_DIMENSION = 12;

    // Training: the 3×3 integer grid, so every point's nearest other point is at distance 1 (median spacing 1).
    private static final double[][] GRID = {{0, 0}, {0, 1}, {0, 2}, {1, 0}, {1, 1}, {1, 2}, {2, 0}, {2, 1}, {2, 2}};
    // d1, d2 by hand: (0,0) on a point: 0, 1 → copied, memorised. (0.5,0) midway: 0.5, 0.5 → neither.
    // (2.2,2): 0.2, sqrt(1.04) → copied (0.2 < 1/3), memorised (0.2 < 1.0198/3). (1.3,1): 0.3, 0.7 → copied only.
    private static final double[][] SAMPLES = {{0, 0}, {0.5, 0}, {2.2, 2}, {1.3, 1}};
    private static final double[] EXPECTED_D1 = {0.0, 0.5, 0.2, 0.3};
    private static final double EXPECTED_MEAN = 0.25;
    private static final double EXPECTED_COPIED = 0.75;
    private static final double EXPECTED_MEMORISED = 0.5;

    @Test
    void shouldComputeHandMadeStatistics() {
        NearestNeighbourStats.Summary summary = NearestNeighbourStats.of(GRID, SAMPLES);
        assertThat(summary.distances()).containsExactly(EXPECTED_D1, within(ABS_TOL));
        assertThat(summary.mean()).isCloseTo(EXPECTED_MEAN, within(ABS_TOL));
        assertThat(summary.medianSpacing()).isCloseTo(1.0, within(ABS_TOL));
        assertThat(summary.copiedFraction()).isEqualTo(EXPECTED_COPIED);
        assertThat(summary.memorisationFraction()).isEqualTo(EXPECTED_MEMORISED);
    }

    @Test
    void shouldGiveTheSameAnswerOnTheHighDimensionalPath() {
        NearestNeighbourStats.Summary summary = NearestNeighbourStats.of(
                Matrices.toArray(pad(GRID), "training"), Matrices.toArray(pad(SAMPLES), "samples"), 4);
        assertThat(summary.distances()).containsExactly(EXPECTED_D1, within(EXPANSION_TOL));
        assertThat(summary.medianSpacing()).isCloseTo(1.0, within(EXPANSION_TOL));
        assertThat(summary.copiedFraction()).isEqualTo(EXPECTED_COPIED);
        assertThat(summary.memorisationFraction()).isEqualTo(EXPECTED_MEMORISED);
    }

    @Test
    void shouldTakeTheNumPyMedian() {
        assertThat(NearestNeighbourStats.median(new double[] {3, 1, 2})).isEqualTo(2.0);
        assertThat(NearestNeighbourStats.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
    }

    @Test
    void shouldRejectASingleTrainingPoint() {
        assertThatThrownBy(() -> NearestNeighbourStats.of(new double[][] {{0, 0}}, SAMPLES))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("n >= 2");
    }

    private static double[][] pad(double[][] points) {
        return Arrays.stream(points).map(p -> Arrays.copyOf(p, HIGH_DIMENSION)).toArray(double[][]::new);
    }
}
