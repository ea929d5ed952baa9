package io.diffusim.model.denoise;

import static io.diffusim.model.denoise.DenoiserFixtures.column;
import static io.diffusim.model.denoise.DenoiserFixtures.matrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.diffusim.model.data.Dataset;
import io.diffusim.model.data.GaussianMixture;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class EmpiricalDenoiserTest {

    /** docs/science.md §8 quotes known answers to 6 decimal places. */
    private static final double KNOWN_ANSWER_TOL = 1e-6;
    /** Chunked vs one-chunk streaming and batch composition must agree to round-off (brief: 1e-12). */
    private static final double EXACT_TOL = 1e-12;
    /** Two float64 implementations of the same posterior (GMM with zero-variance components). */
    private static final double CROSS_TOL = 1e-10;
    /** Central differences with h = 1e-4. */
    private static final double FD_STEP = 1e-4;
    private static final double FD_TOL = 1e-6;

    private static final INDArray TWO_POINTS = matrix(new double[][] {{-1}, {1}});

    @Test
    void shouldReproduceTwoPointTanhInVeAndVpK3() {
        double ve = new EmpiricalDenoiser(DenoiserFixtures.ve(), TWO_POINTS)
                .evaluate(new EvalRequest(matrix(new double[][] {{0.5}}), column(1), null)).x0().getDouble(0, 0);
        double vp = new EmpiricalDenoiser(DenoiserFixtures.constant(0.8, 0.6), TWO_POINTS)
                .evaluate(new EvalRequest(matrix(new double[][] {{0.3}}), column(1), null)).x0().getDouble(0, 0);

        assertThat(ve).isCloseTo(0.462117, within(KNOWN_ANSWER_TOL));
        assertThat(vp).isCloseTo(0.582783, within(KNOWN_ANSWER_TOL));
    }

    @Test
    void shouldGiveTheSameAnswerWithManyChunksAsWithOne() {
        SplittableRandom random = new SplittableRandom(1);
        // points drift away from the origin so later chunks raise the running max and force rescaling
        INDArray points = DenoiserFixtures.gaussian(random, 500, 6, 1).addiColumnVector(
                column(java.util.stream.IntStream.range(0, 500).mapToDouble(i -> i / 100.0).toArray()));
        INDArray x = DenoiserFixtures.gaussian(random, 16, 6, 3).addi(2);
        INDArray t = DenoiserFixtures.times(random, 16, 0.1, 1.4);

        INDArray oneChunk = evaluate(new EmpiricalDenoiser(DenoiserFixtures.vp(), points, null, null, 0.1, 500), x, t);
        INDArray manyChunks = evaluate(new EmpiricalDenoiser(DenoiserFixtures.vp(), points, null, null, 0.1, 7), x, t);

        assertThat(DenoiserFixtures.maxAbsDiff(oneChunk, manyChunks)).isLessThan(EXACT_TOL);
    }

    @Test
    void shouldEqualMixtureOfPointMassesWithTheSameWeights() {
        SplittableRandom random = new SplittableRandom(2);
        INDArray points = DenoiserFixtures.gaussian(random, 5, 3, 1);
        double[] weights = {0.1, 0.3, 0.2, 0.15, 0.25};
        double[][][] zero = new double[5][][];
        java.util.Arrays.setAll(zero, k -> GaussianMixture.isotropicCovariance(3, 0));
        GmmDenoiser gmm = new GmmDenoiser(DenoiserFixtures.vp(), new GaussianMixture(weights, points.toDoubleMatrix(), zero));
        INDArray x = DenoiserFixtures.gaussian(random, 12, 3, 1.5);
        INDArray t = DenoiserFixtures.times(random, 12, 0.1, 1.4);

        INDArray empirical = evaluate(new EmpiricalDenoiser(DenoiserFixtures.vp(), points, weights, null, 0.1, 2), x, t);

        assertThat(DenoiserFixtures.maxAbsDiff(evaluate(gmm, x, t), empirical)).isLessThan(CROSS_TOL);
    }

    @Test
    void shouldDropPointsOfWeightZero() {
        INDArray points = matrix(new double[][] {{-1}, {40}, {1}});
        EvalRequest request = new EvalRequest(matrix(new double[][] {{0.5}, {39}}), column(1, 1), null);

        INDArray weighted = new EmpiricalDenoiser(DenoiserFixtures.ve(), points, new double[] {2, 0, 2}, null, 0.1, 0)
                .evaluate(request).x0();

        assertThat(DenoiserFixtures.maxAbsDiff(new EmpiricalDenoiser(DenoiserFixtures.ve(), TWO_POINTS).evaluate(request).x0(),
                weighted)).isLessThan(EXACT_TOL);
    }

    @Test
    void shouldMatchCentralDifferenceDivergence() {
        SplittableRandom random = new SplittableRandom(3);
        EmpiricalDenoiser denoiser = new EmpiricalDenoiser(DenoiserFixtures.vp(), DenoiserFixtures.gaussian(random, 40, 4, 1));
        INDArray x = DenoiserFixtures.gaussian(random, 6, 4, 1);
        INDArray t = DenoiserFixtures.times(random, 6, 0.3, 1.4);

        double[] analytic = denoiser.evaluate(new EvalRequest(x, t, null)).divergence().toDoubleVector();

        assertThat(analytic).containsExactly(DenoiserFixtures.centralDifferenceDivergence(denoiser, x, t, FD_STEP), within(FD_TOL));
    }

    @Test
    void shouldGiveEachRowTheSameAnswerAloneAsInABatchOf64() {
        SplittableRandom random = new SplittableRandom(4);
        EmpiricalDenoiser denoiser = new EmpiricalDenoiser(DenoiserFixtures.vp(), DenoiserFixtures.gaussian(random, 300, 5, 1),
                null, null, 0.1, 64);
        INDArray x = DenoiserFixtures.gaussian(random, 64, 5, 1.5);
        INDArray t = DenoiserFixtures.times(random, 64, 0.05, 1.5);

        assertThat(DenoiserFixtures.maxAbsDiff(DenoiserFixtures.rowByRow(denoiser, x, t), evaluate(denoiser, x, t)))
                .isLessThan(EXACT_TOL);
    }

    @Test
    void shouldWeighPointsByTheConditionKernel() {
        INDArray conditions = matrix(new double[][] {{0}, {0.1}});
        EmpiricalDenoiser denoiser = new EmpiricalDenoiser(DenoiserFixtures.constant(0.8, 0.6), TWO_POINTS, null, conditions,
                EmpiricalDenoiser.DEFAULT_CONDITION_BANDWIDTH, 0);

        double x0 = denoiser.evaluate(new EvalRequest(matrix(new double[][] {{0.3}}), column(1), matrix(new double[][] {{0.02}})))
                .x0().getDouble(0, 0);

        // l_j = -(x - a y_j)^2 / (2 b^2) - (c - c_j)^2 / (2 h^2), docs/science.md §3.2
        double minus = -Math.pow(0.3 + 0.8, 2) / 0.72 - Math.pow(0.02, 2) / 0.02;
        double plus = -Math.pow(0.3 - 0.8, 2) / 0.72 - Math.pow(0.02 - 0.1, 2) / 0.02;
        assertThat(x0).isCloseTo((Math.exp(plus) - Math.exp(minus)) / (Math.exp(plus) + Math.exp(minus)), within(EXACT_TOL));
    }

    @Test
    void shouldRejectAMissingConditionWhenConditional() {
        EmpiricalDenoiser denoiser = new EmpiricalDenoiser(DenoiserFixtures.ve(), TWO_POINTS, null,
                matrix(new double[][] {{0}, {1}}), 0.1, 0);

        assertThatThrownBy(() -> denoiser.evaluate(new EvalRequest(matrix(new double[][] {{0.3}}), column(1), null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("condition");
    }

    @Test
    void shouldAppendMirrorImagesWhenFlipping() {
        // one 1x2x3 image: rows (1 2 3) and (4 5 6)
        Dataset images = new Dataset("tiny", matrix(new double[][] {{1, 2, 3, 4, 5, 6}}), new int[] {7}, new int[] {1, 2, 3});

        Dataset flipped = HorizontalFlip.augment(images);

        assertThat(flipped.points().toDoubleMatrix()).isDeepEqualTo(new double[][] {{1, 2, 3, 4, 5, 6}, {3, 2, 1, 6, 5, 4}});
        assertThat(flipped.labels()).containsExactly(7, 7);
    }

    private static INDArray evaluate(Denoiser denoiser, INDArray x, INDArray t) {
        return DenoiserFixtures.withDivergence(denoiser.evaluate(new EvalRequest(x, t, null)));
    }
}
