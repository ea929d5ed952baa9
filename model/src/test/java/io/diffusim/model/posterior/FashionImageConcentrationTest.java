package io.diffusim.model.posterior;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.diffusim.config.DataSpec;
import io.diffusim.model.data.Dataset;
import io.diffusim.model.data.FashionMnist;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The concentration of p(t | z) on a real image (docs/science.md §6.1, §6.3): one Fashion-MNIST training image x in
 * [-1, 1] (D = 784), z = (1 - t*) x + t* eps under flow matching; the posterior variance of t by quadrature matches
 * the single-point prediction {@code t*^2 / (2D + ||x||^2)} within 5% and its mean is t*.
 */
class FashionImageConcentrationTest {

    private static final Path INSTALLED = Path.of("/usr/share/datasets/fashion-mnist");
    private static final double[] TIMES = {0.1, 0.3, 0.5, 0.7};

    @Test
    void shouldConcentrateAsTheSinglePointPredictionOnAFashionMnistImage() {
        Dataset data = FashionMnist.read(INSTALLED, DataSpec.Split.TRAIN, 1, List.of(), -1, 1);
        double[] x = data.points().castTo(DataType.DOUBLE).reshape(-1).toDoubleVector();
        int d = x.length;
        double normSq = 0;
        for (double v : x) {
            normSq += v * v;
        }
        SplittableRandom random = new SplittableRandom(61);
        double[][] z = new double[TIMES.length][d];
        for (int j = 0; j < d; j++) {
            double eps = random.nextGaussian();
            for (int r = 0; r < TIMES.length; r++) {
                z[r][j] = (1 - TIMES[r]) * x[j] + TIMES[r] * eps;
            }
        }
        NoiseLevelPosterior posterior = new NoiseLevelPosterior(PointSetLikelihood.singlePoint(x),
                TestProcesses.flowMatching(), new NoisePrior.Uniform(1e-5, 1), NoiseLevelPosterior.Settings.defaults());
        INDArray points = Nd4j.createFromArray(z);
        NoiseLevelMoments moments = posterior.moments(points);
        for (int r = 0; r < TIMES.length; r++) {
            double predicted = TIMES[r] * TIMES[r] / (2 * d + normSq);
            double variance = moments.variance().getDouble(r, 0);
            System.out.printf("t* = %.1f: Var[t|z] = %.4e, predicted %.4e (ratio %.4f)%n", TIMES[r], variance, predicted,
                    variance / predicted);
            assertThat(variance).isCloseTo(predicted, within(0.05 * predicted));
            assertThat(moments.mean().getDouble(r, 0)).isCloseTo(TIMES[r], within(0.05 * TIMES[r]));
        }
    }
}
