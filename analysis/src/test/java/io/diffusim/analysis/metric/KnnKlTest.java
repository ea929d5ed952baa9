package io.diffusim.analysis.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.diffusim.analysis.TestPoints;
import org.junit.jupiter.api.Test;

class KnnKlTest {

    private static final double HAND_TOL = 1e-9;
    private static final double K18_NULL_BOUND = 0.05;
    private static final double K18_SHIFT_BITS = 0.5 / Math.log(2); // 0.5 nats = 0.7213 bits
    private static final double K18_SHIFT_TOL = 0.06;

    // K17 sets. Chebyshev distances within X: AB 1, AC 2, AD 3, BC 2, BD 2, CD 3.
    private static final double[][] X = {{0, 0}, {1, 0}, {0, 2}, {3, 1}};
    // Chebyshev distances X→Y (P, Q, R): A (.5, 2, 4), B (.5, 2, 3), C (1.5, 2, 4), D (2.5, 1, 1).
    private static final double[][] Y = {{0.5, 0.5}, {2, 2}, {4, 0}};

    @Test
    void shouldMatchTheHandComputedNpeetValueForKEqualsOne() {
        double[] rho = {1, 1, 2, 2};
        double[] nu = {0.5, 0.5, 1.5, 1};
        assertThat(KnnKl.estimate(X, Y, 1, 2.0)).isCloseTo(byHand(rho, nu, 4, 3, 2), within(HAND_TOL));
    }

    @Test
    void shouldMatchTheHandComputedNpeetValueForKEqualsTwo() {
        double[] rho = {2, 2, 2, 3};
        double[] nu = {2, 2, 2, 1};
        assertThat(KnnKl.estimate(X, Y, 2, 2.0)).isCloseTo(byHand(rho, nu, 4, 3, 2), within(HAND_TOL));
    }

    @Test
    void shouldBeNearZeroForTheSameDistribution() {
        double[][] x = TestPoints.gaussian(20_000, 2, null, 1);
        double[][] y = TestPoints.gaussian(5_000, 2, null, 2);
        assertThat(Math.abs(KnnKl.estimate(x, y, 5, 2.0))).isLessThan(K18_NULL_BOUND);
    }

    @Test
    void shouldRecoverHalfANatForAUnitShift() {
        double[][] x = TestPoints.gaussian(20_000, 2, null, 1);
        double[][] yShifted = TestPoints.gaussian(5_000, 2, new double[] {1, 0}, 2);
        assertThat(KnnKl.estimate(x, yShifted, 5, 2.0)).isCloseTo(K18_SHIFT_BITS, within(K18_SHIFT_TOL));
    }

    @Test
    void shouldBeInfiniteWhenTheReferenceHasDuplicates() {
        double[][] x = {{0, 0}, {0, 0}, {1, 2}, {3, 1}};
        assertThat(KnnKl.estimate(x, Y, 1, 2.0)).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void shouldRejectKNotBelowBothSetSizes() {
        assertThatThrownBy(() -> KnnKl.estimate(X, Y, 3, 2.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("k = 3");
        assertThatThrownBy(() -> KnnKl.estimate(X, Y, 0, 2.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KnnKl.estimate(X, new double[][] {{1, 2, 3}, {4, 5, 6}}, 1, 2.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dimension");
        assertThatThrownBy(() -> KnnKl.estimate(X, Y, 1, 1.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("base = 1.0");
    }

    // docs/science.md §7.5 written out: (ln m − ln(n−1) + d·mean ln ν − d·mean ln ρ) / ln base.
    private static double byHand(double[] rho, double[] nu, int n, int m, int d) {
        double meanLogRho = 0;
        double meanLogNu = 0;
        for (int i = 0; i < rho.length; i++) {
            meanLogRho += Math.log(rho[i]) / rho.length;
            meanLogNu += Math.log(nu[i]) / nu.length;
        }
        return (Math.log(m) - Math.log(n - 1) + d * meanLogNu - d * meanLogRho) / Math.log(2.0);
    }
}
