package io.diffusim.model.posterior;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** K10 and K11 (docs/science.md §8, §6.1): p(t | z) for a single data point under flow matching, D = 3072. */
class SinglePointFlowMatchingPosteriorTest {

    private static final int D = 3072;
    private static final double PIXEL = 0.506;
    private static final double S = 0.256036;
    private static final double[] K10_TIMES = {0.1, 0.3, 0.5, 0.7};
    private static final double[] K11_TIMES = {0.1, 0.3, 0.5, 0.7, 0.9};
    private static final double[] K11_MEAN_VAR_E4 = {0.0145, 0.1305, 0.3607, 0.7090, 1.1762};
    private static final double K11_ERROR = 0.557;
    private static final int K11_REPETITIONS = 20;
    private static final int DENSE_POINTS = 2_000_000;
    private static final NoisePrior PRIOR = new NoisePrior.Uniform(1e-5, 1);

    private static final double VAR_REL_TOL = 0.005;
    private static final double ERROR_ABS_TOL = 1e-3;
    private static final double PASS_REL_TOL = 1e-3;
    private static final double K11_VAR_REL_TOL = 0.03;
    private static final double K11_ERROR_ABS_TOL = 0.003;
    private static final double MEAN_REL_TOL = 1e-3;

    @Test
    void shouldMatchLaplaceForDeterministicSinglePoint() {
        double[] x = new double[D];
        double[] eps = new double[D];
        for (int i = 0; i < D; i++) {
            x[i] = i % 2 == 0 ? PIXEL : -PIXEL;
            eps[i] = (i / 2) % 2 == 0 ? 1 : -1;
        }
        INDArray z = noisy(x, eps, K10_TIMES);
        NoiseLevelPosterior posterior = posterior(x, NoiseLevelPosterior.Settings.defaults());
        EffectiveTarget result = posterior.effectiveTarget(z, RegressionTarget.flowVelocity());
        for (int r = 0; r < K10_TIMES.length; r++) {
            double tStar = K10_TIMES[r];
            SinglePointLaplace.Estimate laplace = SinglePointLaplace.flowMatching(z.getRow(r).toDoubleVector(), x);
            double variance = result.moments().variance().getDouble(r, 0);
            assertThat(variance).isCloseTo(laplace.variance(), within(VAR_REL_TOL * laplace.variance()));
            assertThat(variance).isCloseTo(tStar * tStar / ((2 + S) * D), within(VAR_REL_TOL * variance));
            assertThat(result.moments().mean().getDouble(r, 0)).isCloseTo(tStar, within(MEAN_REL_TOL * tStar));
            assertThat(result.error().getDouble(r, 0)).isCloseTo(laplace.effectiveTargetError(), within(ERROR_ABS_TOL));
            assertThat(result.error().getDouble(r, 0)).isCloseTo((1 + S) / (2 + S), within(ERROR_ABS_TOL));
        }
    }

    @Test
    void shouldAgreeWithDenseQuadratureAndAcrossPasses() {
        double[] x = new double[D];
        double[] eps = new double[D];
        for (int i = 0; i < D; i++) {
            x[i] = i % 2 == 0 ? PIXEL : -PIXEL;
            eps[i] = (i / 2) % 2 == 0 ? 1 : -1;
        }
        INDArray z = noisy(x, eps, K10_TIMES);
        NoiseLevelMoments twoPass = posterior(x, NoiseLevelPosterior.Settings.defaults()).moments(z);
        NoiseLevelMoments dense = posterior(x, new NoiseLevelPosterior.Settings(DENSE_POINTS, 2001, 12)).moments(z);
        for (int r = 0; r < K10_TIMES.length; r++) {
            double variance = twoPass.variance().getDouble(r, 0);
            double mean = twoPass.mean().getDouble(r, 0);
            assertThat(dense.coarseVariance().getDouble(r, 0)).isCloseTo(variance, within(PASS_REL_TOL * variance));
            assertThat(dense.coarseMean().getDouble(r, 0)).isCloseTo(mean, within(PASS_REL_TOL * mean));
            // the 2000-node pass 1 resolves the peak (std >= 1.3e-3 vs spacing 5e-4)
            assertThat(twoPass.coarseVariance().getDouble(r, 0)).isCloseTo(variance, within(PASS_REL_TOL * variance));
            assertThat(twoPass.coarseMean().getDouble(r, 0)).isCloseTo(mean, within(PASS_REL_TOL * mean));
        }
    }

    @Test
    void shouldReproduceRandomSinglePointTable() {
        SplittableRandom random = new SplittableRandom(11);
        double[] meanVariance = new double[K11_TIMES.length];
        double[] meanError = new double[K11_TIMES.length];
        for (int rep = 0; rep < K11_REPETITIONS; rep++) {
            double[] x = new double[D];
            double[] eps = new double[D];
            for (int i = 0; i < D; i++) {
                x[i] = random.nextBoolean() ? PIXEL : -PIXEL;
                eps[i] = random.nextGaussian();
            }
            EffectiveTarget result = posterior(x, NoiseLevelPosterior.Settings.defaults())
                    .effectiveTarget(noisy(x, eps, K11_TIMES), RegressionTarget.flowVelocity());
            for (int r = 0; r < K11_TIMES.length; r++) {
                meanVariance[r] += result.moments().variance().getDouble(r, 0) / K11_REPETITIONS;
                meanError[r] += result.error().getDouble(r, 0) / K11_REPETITIONS;
            }
        }
        for (int r = 0; r < K11_TIMES.length; r++) {
            double expected = K11_MEAN_VAR_E4[r] * 1e-4;
            assertThat(meanVariance[r]).as("Var at t* = %s", K11_TIMES[r]).isCloseTo(expected, within(K11_VAR_REL_TOL * expected));
            if (K11_TIMES[r] <= 0.7) {
                assertThat(meanError[r]).as("E at t* = %s", K11_TIMES[r]).isCloseTo(K11_ERROR, within(K11_ERROR_ABS_TOL));
            }
        }
    }

    private static NoiseLevelPosterior posterior(double[] x, NoiseLevelPosterior.Settings settings) {
        return new NoiseLevelPosterior(PointSetLikelihood.singlePoint(x), TestProcesses.flowMatching(), PRIOR, settings);
    }

    /** Rows z = (1 - t*) x + t* eps, one per t*. */
    private static INDArray noisy(double[] x, double[] eps, double[] times) {
        double[][] rows = new double[times.length][x.length];
        for (int r = 0; r < times.length; r++) {
            for (int i = 0; i < x.length; i++) {
                rows[r][i] = (1 - times[r]) * x[i] + times[r] * eps[i];
            }
        }
        return Nd4j.createFromArray(rows);
    }
}
