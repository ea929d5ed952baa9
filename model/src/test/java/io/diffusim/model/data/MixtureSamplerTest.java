package io.diffusim.model.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;

/** Draws from a Gaussian mixture (docs/science.md §3.1) have the mixture's weights, mean and covariance. */
class MixtureSamplerTest {

    private static final int N = 200_000;
    private static final long SEED = 3;
    /** Component fraction: 5 binomial std sqrt(0.21/N) = 0.0051. */
    private static final double WEIGHT_TOL = 0.0052;
    /** Mean: total variance per axis <= 2.5 here, so 5 std of the sample mean is 5 sqrt(2.5/N) = 0.018. */
    private static final double MEAN_TOL = 0.018;
    /** Covariance entries: std of a sample second moment <= sqrt(2) * 2.5 / sqrt(N) = 0.008; 5 std. */
    private static final double COV_TOL = 0.04;
    /** A rank-1 covariance puts points exactly on a line, up to round-off. */
    private static final double SINGULAR_TOL = 1e-9;

    /** 0.3 N((-1, 0.5), [[1, 0.4], [0.4, 0.5]]) + 0.7 N((1, -0.5), 0.5 (1,1)(1,1)^T) — the second is singular. */
    private static final GaussianMixture MIXTURE = new GaussianMixture(new double[] {0.3, 0.7},
            new double[][] {{-1, 0.5}, {1, -0.5}},
            new double[][][] {{{1, 0.4}, {0.4, 0.5}}, {{0.5, 0.5}, {0.5, 0.5}}});

    @Test
    void shouldMatchTheMixtureWeightsMeanAndCovariance() {
        Dataset sample = MixtureSampler.sample(MIXTURE, N, SEED);
        double[] xy = sample.points().data().asDouble();
        int ones = 0;
        double[] mean = new double[2];
        double[][] second = new double[2][2];
        for (int i = 0; i < N; i++) {
            ones += sample.labels()[i];
            for (int a = 0; a < 2; a++) {
                mean[a] += xy[2 * i + a] / N;
                for (int b = 0; b < 2; b++) {
                    second[a][b] += xy[2 * i + a] * xy[2 * i + b] / N;
                }
            }
        }
        assertThat(ones / (double) N).isCloseTo(0.7, offset(WEIGHT_TOL));
        double[] expectedMean = new double[2];
        double[][] expectedSecond = new double[2][2];
        for (int k = 0; k < 2; k++) {
            double w = MIXTURE.weights()[k];
            double[] mu = MIXTURE.means()[k];
            for (int a = 0; a < 2; a++) {
                expectedMean[a] += w * mu[a];
                for (int b = 0; b < 2; b++) {
                    // E[x x^T] = sum_k w_k (Sigma_k + mu_k mu_k^T)
                    expectedSecond[a][b] += w * (MIXTURE.covariances()[k][a][b] + mu[a] * mu[b]);
                }
            }
        }
        for (int a = 0; a < 2; a++) {
            assertThat(mean[a]).as("mean %s", a).isCloseTo(expectedMean[a], offset(MEAN_TOL));
            for (int b = 0; b < 2; b++) {
                double covariance = second[a][b] - mean[a] * mean[b];
                double expected = expectedSecond[a][b] - expectedMean[a] * expectedMean[b];
                assertThat(covariance).as("cov %s %s", a, b).isCloseTo(expected, offset(COV_TOL));
            }
        }
    }

    @Test
    void shouldKeepPointsOfASingularComponentOnItsLine() {
        Dataset sample = MixtureSampler.sample(MIXTURE, 1000, SEED);
        double[] xy = sample.points().data().asDouble();
        for (int i = 0; i < 1000; i++) {
            if (sample.labels()[i] == 1) {
                // Sigma = 0.5 (1,1)(1,1)^T: x - mu is a multiple of (1, 1)
                assertThat((xy[2 * i] - 1) - (xy[2 * i + 1] + 0.5)).isCloseTo(0, offset(SINGULAR_TOL));
            }
        }
    }

    @Test
    void shouldRejectACovarianceThatIsNotPositiveSemiDefinite() {
        GaussianMixture indefinite = new GaussianMixture(new double[] {1}, new double[][] {{0, 0}},
                new double[][][] {{{1, 2}, {2, 1}}});
        assertThatIllegalArgumentException().isThrownBy(() -> MixtureSampler.sample(indefinite, 10, SEED))
                .withMessageContaining("component 0").withMessageContaining("-1");
    }
}
