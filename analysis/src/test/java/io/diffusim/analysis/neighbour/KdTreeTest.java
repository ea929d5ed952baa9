package io.diffusim.analysis.neighbour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.diffusim.analysis.Matrices;
import io.diffusim.analysis.TestPoints;
import org.junit.jupiter.api.Test;

class KdTreeTest {

    private static final double EXACT = 0.0;
    private static final double SQRT_ROUNDING_TOL = 1e-12;
    private static final double EXPANSION_TOL = 1e-9;
    private static final int SEEDS = 40;

    @Test
    void shouldMatchBruteForceUnderBothMetrics() {
        for (int seed = 0; seed < SEEDS; seed++) {
            int n = 1 + 37 * seed % 700;
            int d = 1 + seed % 5;
            int k = 1 + seed % Math.min(n, 8);
            double[][] reference = TestPoints.gaussian(n, d, null, seed);
            double[][] queries = TestPoints.gaussian(150, d, null, 1000 + seed);
            for (Metric metric : Metric.values()) {
                boolean chebyshev = metric == Metric.CHEBYSHEV;
                double[][] found = KdTree.build(reference, metric).nearestDistances(queries, k);
                for (int i = 0; i < queries.length; i++) {
                    double[] expected = TestPoints.bruteForce(reference, queries[i], k, chebyshev);
                    assertThat(found[i]).containsExactly(expected, within(chebyshev ? EXACT : SQRT_ROUNDING_TOL));
                }
            }
        }
    }

    @Test
    void shouldHandleTiesAndDuplicatesOnIntegerGrids() {
        for (int seed = 0; seed < SEEDS; seed++) {
            double[][] reference = TestPoints.grid(500, 2, 6, seed);
            double[][] queries = TestPoints.grid(100, 2, 8, 500 + seed);
            int k = 1 + seed % 10;
            double[][] found = KdTree.build(reference, Metric.CHEBYSHEV).nearestDistances(queries, k);
            for (int i = 0; i < queries.length; i++) {
                assertThat(found[i]).containsExactly(TestPoints.bruteForce(reference, queries[i], k, true), within(EXACT));
            }
        }
    }

    @Test
    void shouldReportSelfAndDuplicatesAtDistanceZero() {
        double[][] points = {{0, 0}, {1, 1}, {1, 1}, {3, 0}};
        double[][] found = KdTree.build(points, Metric.CHEBYSHEV).nearestDistances(points, 2);
        assertThat(found[1]).containsExactly(0.0, 0.0);
        assertThat(found[0]).containsExactly(0.0, 1.0);
    }

    @Test
    void shouldAgreeWithBatchedBruteForceInHighDimension() {
        for (int seed = 0; seed < 3; seed++) {
            double[][] reference = TestPoints.gaussian(5000, 12, null, seed);
            double[][] queries = TestPoints.gaussian(300, 12, null, 77 + seed);
            NeighbourSearch brute = NeighbourSearch.euclidean(Matrices.toArray(reference, "reference"));
            assertThat(brute).isInstanceOf(BruteForceEuclidean.class);
            double[][] viaBlocks = brute.nearestDistances(Matrices.toArray(queries, "queries"), 3);
            double[][] viaTree = KdTree.build(reference, Metric.EUCLIDEAN).nearestDistances(queries, 3);
            for (int i = 0; i < queries.length; i++) {
                assertThat(viaBlocks[i]).containsExactly(viaTree[i], within(EXPANSION_TOL));
            }
        }
    }

    @Test
    void shouldRejectBadArguments() {
        KdTree tree = KdTree.build(new double[][] {{0, 0}, {1, 1}}, Metric.EUCLIDEAN);
        assertThatThrownBy(() -> tree.nearestDistances(new double[][] {{0, 0}}, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("k = 3");
        assertThatThrownBy(() -> tree.nearestDistances(new double[][] {{0, 0, 0}}, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dimension 3");
        assertThatThrownBy(() -> KdTree.build(new double[][] {{0, Double.NaN}}, Metric.EUCLIDEAN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
    }
}
