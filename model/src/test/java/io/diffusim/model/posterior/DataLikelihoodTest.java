package io.diffusim.model.posterior;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.diffusim.model.data.GaussianMixture;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Posterior means and likelihoods behind the effective target: K2, K3, K4 (docs/science.md §8, §3.1, §3.2). */
class DataLikelihoodTest {

    private static final double REL_TOL = 1e-6;

    @Test
    void shouldMatchTwoPointPosteriorMeanAndItsWeightedSums() {
        INDArray points = Nd4j.createFromArray(new double[][] {{-1}, {1}});
        // K3: VP a = 0.8, b = 0.6, x_t = 0.3 -> E[x0 | x_t] = tanh(a x_t / b^2) = 0.582783
        DataLikelihood.Rows rows = PointSetLikelihood.weighted(points, new double[] {1, 1})
                .prepare(Nd4j.createFromArray(new double[][] {{0.3}}));
        DataLikelihood.Pairs pairs = rows.evaluate(1, scalar(0.8), scalar(0.6), true);
        double w = pairs.weigh(pairs.peak()).getDouble(0, 0);
        assertThat(pairs.weightedMeanDotInput().getDouble(0, 0) / w).isCloseTo(0.3 * 0.582783, within(REL_TOL));
        assertThat(pairs.weightedMeanSquaredNorm().getDouble(0, 0) / w).isCloseTo(0.582783 * 0.582783, within(REL_TOL));
        assertThat(meanOf(rows, pairs, w).getDouble(0, 0)).isCloseTo(0.582783, within(REL_TOL));
    }

    @Test
    void shouldGiveTheGaussianNormalisedLikelihoodOfAPointSet() {
        // p(x_t) = (N(0.3; -0.8, 0.36) + N(0.3; 0.8, 0.36)) / 2 for the K3 pair; the shift only rescales w
        double expected = 0.5 * (gaussian(0.3, -0.8, 0.6) + gaussian(0.3, 0.8, 0.6));
        DataLikelihood.Pairs pairs = PointSetLikelihood.weighted(Nd4j.createFromArray(new double[][] {{-1}, {1}}),
                new double[] {1, 1}).prepare(Nd4j.createFromArray(new double[][] {{0.3}})).evaluate(1, scalar(0.8),
                scalar(0.6), false);
        double peak = pairs.peak().getDouble(0, 0);
        assertThat(peak).isLessThanOrEqualTo(Math.log(expected));
        assertThat(Math.log(pairs.weigh(scalar(-2.5)).getDouble(0, 0)) - 2.5).isCloseTo(Math.log(expected), within(REL_TOL));
    }

    @Test
    void shouldMatchOneDimensionalMixturePosteriorMean() {
        // K4: 0.3 N(-2, 0.25^2) + 0.7 N(2, 0.25^2), VP Abar = 0.5, x_t = 0.4 -> E[x0 | x_t] = 1.733120
        GaussianMixture mixture = new GaussianMixture(new double[] {0.3, 0.7}, new double[][] {{-2}, {2}},
                new double[][][] {{{0.0625}}, {{0.0625}}});
        double a = Math.sqrt(0.5);
        DataLikelihood.Rows rows = new GaussianMixtureLikelihood(mixture).prepare(Nd4j.createFromArray(new double[][] {{0.4}}));
        DataLikelihood.Pairs pairs = rows.evaluate(1, scalar(a), scalar(a), true);
        double w = pairs.weigh(pairs.peak()).getDouble(0, 0);
        assertThat(meanOf(rows, pairs, w).getDouble(0, 0)).isCloseTo(1.733120, within(REL_TOL * 1.733120));
    }

    @Test
    void shouldMatchFullCovarianceGaussianPosteriorMean() {
        // K2: mu = (1, -1), Sigma = [[2, 0.5], [0.5, 1]], a = 0.8, b = 0.6, x_t = 0 -> x0-hat = (0.309053, -0.458897)
        GaussianMixture gaussian = new GaussianMixture(new double[] {1}, new double[][] {{1, -1}},
                new double[][][] {{{2, 0.5}, {0.5, 1}}});
        DataLikelihood.Rows rows = new GaussianMixtureLikelihood(gaussian).prepare(Nd4j.zeros(DataType.DOUBLE, 1, 2));
        DataLikelihood.Pairs pairs = rows.evaluate(1, scalar(0.8), scalar(0.6), true);
        INDArray mean = meanOf(rows, pairs, pairs.weigh(pairs.peak()).getDouble(0, 0));
        assertThat(mean.getDouble(0, 0)).isCloseTo(0.309053, within(REL_TOL));
        assertThat(mean.getDouble(0, 1)).isCloseTo(-0.458897, within(REL_TOL));
    }

    /** x0-hat of a single weighed pair: its weighted mean added with alpha = 1, divided by its weight. */
    private static INDArray meanOf(DataLikelihood.Rows rows, DataLikelihood.Pairs pairs, double weight) {
        pairs.addWeightedMean(scalar(1));
        return rows.meanSum().divi(weight);
    }

    private static double gaussian(double x, double mean, double sd) {
        return Math.exp(-0.5 * (x - mean) * (x - mean) / (sd * sd)) / (sd * Math.sqrt(2 * Math.PI));
    }

    private static INDArray scalar(double value) {
        return Nd4j.createFromArray(new double[] {value}).reshape(1, 1);
    }
}
