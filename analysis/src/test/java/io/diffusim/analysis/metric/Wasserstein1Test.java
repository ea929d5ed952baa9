package io.diffusim.analysis.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class Wasserstein1Test {

    private static final double REL_TOL = 1e-12;
    private static final int MAX_BRUTE_FORCE_SIZE = 7;
    private static final int SEEDS_PER_SIZE = 25;

    @Test
    void shouldChooseTheCrossedMatchingOfK22() {
        double[][] a = {{0, 0}, {2, 0}};
        double[][] b = {{2, 1}, {0, 1}};
        assertThat(Wasserstein1.between(a, b)).isCloseTo(1.0, within(REL_TOL));
    }

    @Test
    void shouldMatchTheBruteForcePermutationMinimum() {
        for (int size = 1; size <= MAX_BRUTE_FORCE_SIZE; size++) {
            for (int seed = 0; seed < SEEDS_PER_SIZE; seed++) {
                SplittableRandom random = new SplittableRandom(1000L * size + seed);
                double[][] cost = new double[size][size];
                for (double[] row : cost) {
                    // Small integers make ties common, which exercises the potentials' tie handling.
                    for (int j = 0; j < size; j++) {
                        row[j] = seed % 2 == 0 ? random.nextInt(5) : random.nextDouble() * 10 - 3;
                    }
                }
                int[] assignment = HungarianAssignment.solve(cost);
                assertThat(assignment).containsExactlyInAnyOrder(IntStream.range(0, size).toArray());
                double expected = bruteForceMinimum(cost, new int[size], new boolean[size], 0);
                assertThat(HungarianAssignment.totalCost(cost, assignment)).isCloseTo(expected, within(REL_TOL * (1 + Math.abs(expected))));
            }
        }
    }

    @Test
    void shouldRejectUnequalSizes() {
        assertThatThrownBy(() -> Wasserstein1.between(new double[][] {{0, 0}}, new double[][] {{0, 0}, {1, 1}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("equal set sizes, got 1 and 2");
    }

    private static double bruteForceMinimum(double[][] cost, int[] perm, boolean[] used, int row) {
        if (row == cost.length) {
            return HungarianAssignment.totalCost(cost, perm);
        }
        double best = Double.POSITIVE_INFINITY;
        for (int j = 0; j < cost.length; j++) {
            if (!used[j]) {
                used[j] = true;
                perm[row] = j;
                best = Math.min(best, bruteForceMinimum(cost, perm, used, row + 1));
                used[j] = false;
            }
        }
        return best;
    }
}
