package io.diffusim.model.posterior;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.factory.Nd4j;

/** K24 (docs/science.md §8, §6.3): p(sigma | x_sigma) for a single point under VE against its Laplace approximation. */
class VarianceExplodingLaplaceTest {

    private static final double SIGMA_STAR = 1.0;
    private static final double RATIO_ABS_TOL = 5e-4;

    @ParameterizedTest
    @CsvSource({"100, 1.06, 0.08", "1000, 1.006, 0.01"})
    void shouldExceedLaplaceVarianceByTheKnownSkewFactor(int dimension, double expectedRatio, double agreement) {
        SplittableRandom random = new SplittableRandom(24);
        double[] x = new double[dimension];
        double[] noisy = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            x[i] = random.nextDouble() - 0.5;
            noisy[i] = x[i] + SIGMA_STAR * random.nextGaussian();
        }
        NoiseLevelPosterior posterior = new NoiseLevelPosterior(PointSetLikelihood.singlePoint(x),
                TestProcesses.varianceExploding(1e-3, 10), new NoisePrior.Uniform(1e-3, 10),
                NoiseLevelPosterior.Settings.defaults());
        double variance = posterior.moments(Nd4j.createFromArray(noisy).reshape(1, dimension)).variance().getDouble(0, 0);
        double ratio = variance / SinglePointLaplace.varianceExploding(noisy, x).variance();
        assertThat(ratio).isCloseTo(1.0, within(agreement));
        assertThat(ratio).isCloseTo(expectedRatio, within(RATIO_ABS_TOL));
    }
}
