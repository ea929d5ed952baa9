package io.diffusim.model.denoise;

import static io.diffusim.model.denoise.DenoiserFixtures.column;
import static io.diffusim.model.denoise.DenoiserFixtures.matrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.diffusim.model.data.GaussianMixture;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class GmmDenoiserTest {

    /** docs/science.md §8 quotes known answers to 6 decimal places. */
    private static final double KNOWN_ANSWER_TOL = 1e-6;
    /** docs/science.md §3.1: Tweedie's identity must hold to 1e-10. */
    private static final double TWEEDIE_TOL = 1e-10;
    /** Agreement between two exact float64 evaluations of the same formula. */
    private static final double EXACT_TOL = 1e-12;
    /** Independent float64 reference (LU inverse) vs eigen path. */
    private static final double REFERENCE_TOL = 1e-10;
    /** Central differences with h = 1e-4: O(h^2) truncation plus O(1e-16/h) round-off. */
    private static final double FD_STEP = 1e-4;
    private static final double FD_TOL = 1e-6;

    private static final double[][] K1_COV = {{2, 0.5}, {0.5, 1}};

    @Test
    void shouldReproduceVeGaussianScoreAndPosteriorMeanK1() {
        GmmDenoiser gmm = new GmmDenoiser(DenoiserFixtures.ve(), single(new double[] {1, -1}, K1_COV));
        Prediction p = gmm.evaluate(new EvalRequest(matrix(new double[][] {{0, 0}}), column(0.5), null));

        assertThat(p.score().toDoubleVector()).containsExactly(new double[] {0.682927, -1.073171}, within(KNOWN_ANSWER_TOL));
        assertThat(p.x0().toDoubleVector()).containsExactly(new double[] {0.170732, -0.268293}, within(KNOWN_ANSWER_TOL));
    }

    @Test
    void shouldReproduceVpGaussianScoreMeanAndNoiseK2() {
        GmmDenoiser gmm = new GmmDenoiser(DenoiserFixtures.constant(0.8, 0.6), single(new double[] {1, -1}, K1_COV));
        Prediction p = gmm.evaluate(new EvalRequest(matrix(new double[][] {{0, 0}}), column(1), null));

        assertThat(p.score().toDoubleVector()).containsExactly(new double[] {0.686785, -1.019771}, within(KNOWN_ANSWER_TOL));
        assertThat(p.x0().toDoubleVector()).containsExactly(new double[] {0.309053, -0.458897}, within(KNOWN_ANSWER_TOL));
        assertThat(p.eps().toDoubleVector()).containsExactly(new double[] {-0.412071, 0.611863}, within(KNOWN_ANSWER_TOL));
    }

    @Test
    void shouldReproduceOneDimensionalMixturePosteriorK4() {
        double a = Math.sqrt(0.5);
        double b = Math.sqrt(0.5);
        GaussianMixture mixture = new GaussianMixture(new double[] {0.3, 0.7}, new double[][] {{-2}, {2}},
                new double[][][] {{{0.0625}}, {{0.0625}}});
        GmmDenoiser gmm = new GmmDenoiser(DenoiserFixtures.constant(a, b), mixture);
        EvalRequest request = new EvalRequest(matrix(new double[][] {{0.4}}), column(1), null);

        double[] rho = gmm.responsibilities(request).toDoubleVector();
        Prediction p = gmm.evaluate(request);
        double x0 = p.x0().getDouble(0, 0);

        assertThat(rho).containsExactly(new double[] {0.048479, 0.951521}, within(KNOWN_ANSWER_TOL));
        assertThat(x0).isCloseTo(1.733120, within(KNOWN_ANSWER_TOL));
        assertThat(p.score().getDouble(0, 0)).isCloseTo(1.651002, within(KNOWN_ANSWER_TOL));
        // score from the responsibilities alone, s = -sum_k rho_k (x - a mu_k) / C_k, then Tweedie
        double c = a * a * 0.0625 + b * b;
        double score = -(rho[0] * (0.4 + 2 * a) + rho[1] * (0.4 - 2 * a)) / c;
        assertThat(x0).isCloseTo((0.4 + b * b * score) / a, within(TWEEDIE_TOL));
    }

    @Test
    void shouldMatchDirectInverseReferenceForFullCovariancesAtMixedTimes() {
        GaussianMixture mixture = randomMixture(new SplittableRandom(7), 3, 3);
        GmmDenoiser gmm = new GmmDenoiser(DenoiserFixtures.vp(), mixture);
        SplittableRandom random = new SplittableRandom(11);
        INDArray x = DenoiserFixtures.gaussian(random, 8, 3, 1.5);
        INDArray t = DenoiserFixtures.times(random, 8, 0.05, 1.5);

        INDArray actual = DenoiserFixtures.withDivergence(gmm.evaluate(new EvalRequest(x, t, null)));

        for (int i = 0; i < 8; i++) {
            double ti = t.getDouble(i, 0);
            double[] expected = reference(mixture, x.getRow(i).toDoubleVector(), Math.cos(ti), Math.sin(ti));
            assertThat(actual.getRow(i).toDoubleVector()).containsExactly(expected, within(REFERENCE_TOL));
        }
    }

    @Test
    void shouldGiveTheSameTermsOnIsotropicDiagonalAndEigenPaths() {
        SplittableRandom random = new SplittableRandom(3);
        INDArray mean = DenoiserFixtures.gaussian(random, 1, 4, 1);
        INDArray x = DenoiserFixtures.gaussian(random, 6, 4, 2);
        NoiseCoefficients c = NoiseCoefficients.of(DenoiserFixtures.vp(),
                new EvalRequest(x, DenoiserFixtures.times(random, 6, 0.1, 1.4), null));
        INDArray lambda = matrix(new double[][] {{0.7, 0.7, 0.7, 0.7}});

        GaussianComponent.Terms isotropic = new IsotropicComponent(mean, 0.7).evaluate(x, c);
        GaussianComponent.Terms diagonal = new EigenComponent(mean, lambda, null).evaluate(x, c);
        GaussianComponent.Terms rotated = new EigenComponent(mean, lambda, randomRotation(random, 4)).evaluate(x, c);

        for (GaussianComponent.Terms other : new GaussianComponent.Terms[] {diagonal, rotated}) {
            assertThat(DenoiserFixtures.maxAbsDiff(isotropic.logLikelihood(), other.logLikelihood())).isLessThan(EXACT_TOL);
            assertThat(DenoiserFixtures.maxAbsDiff(isotropic.mean(), other.mean())).isLessThan(EXACT_TOL);
            assertThat(DenoiserFixtures.maxAbsDiff(isotropic.secondMoment(), other.secondMoment())).isLessThan(EXACT_TOL);
        }
    }

    @Test
    void shouldMatchCentralDifferenceDivergence() {
        GmmDenoiser gmm = new GmmDenoiser(DenoiserFixtures.vp(), randomMixture(new SplittableRandom(5), 3, 3));
        SplittableRandom random = new SplittableRandom(13);
        INDArray x = DenoiserFixtures.gaussian(random, 5, 3, 1.2);
        INDArray t = DenoiserFixtures.times(random, 5, 0.2, 1.4);

        double[] analytic = gmm.evaluate(new EvalRequest(x, t, null)).divergence().toDoubleVector();

        assertThat(analytic).containsExactly(DenoiserFixtures.centralDifferenceDivergence(gmm, x, t, FD_STEP), within(FD_TOL));
    }

    @Test
    void shouldGiveEachRowTheSameAnswerAloneAsInABatchOf64() {
        GmmDenoiser gmm = new GmmDenoiser(DenoiserFixtures.vp(), randomMixture(new SplittableRandom(17), 4, 3));
        SplittableRandom random = new SplittableRandom(19);
        INDArray x = DenoiserFixtures.gaussian(random, 64, 3, 1.5);
        INDArray t = DenoiserFixtures.times(random, 64, 0.05, 1.5);

        INDArray batched = DenoiserFixtures.withDivergence(gmm.evaluate(new EvalRequest(x, t, null)));

        assertThat(DenoiserFixtures.maxAbsDiff(DenoiserFixtures.rowByRow(gmm, x, t), batched)).isLessThan(EXACT_TOL);
    }

    @Test
    void shouldSkipComponentsOfWeightZero() {
        double[][] identity = GaussianMixture.isotropicCovariance(2, 0.3);
        GaussianMixture withZero = new GaussianMixture(new double[] {0.4, 0, 0.6},
                new double[][] {{1, 0}, {50, 50}, {-1, 0.5}}, new double[][][] {identity, identity, identity});
        GaussianMixture without = new GaussianMixture(new double[] {0.4, 0.6},
                new double[][] {{1, 0}, {-1, 0.5}}, new double[][][] {identity, identity});
        EvalRequest request = new EvalRequest(matrix(new double[][] {{0.3, -0.2}, {49, 49}}), column(0.5, 0.5), null);

        GmmDenoiser gmm = new GmmDenoiser(DenoiserFixtures.ve(), withZero);
        INDArray rho = gmm.responsibilities(request);

        assertThat(DenoiserFixtures.maxAbsDiff(new GmmDenoiser(DenoiserFixtures.ve(), without).evaluate(request).x0(),
                gmm.evaluate(request).x0())).isLessThan(EXACT_TOL);
        assertThat(rho.getColumn(1).toDoubleVector()).containsOnly(0.0);
    }

    @Test
    void shouldRejectZeroNoiseAndMissingTime() {
        GmmDenoiser gmm = new GmmDenoiser(DenoiserFixtures.ve(), single(new double[] {1, -1}, K1_COV));
        INDArray x = matrix(new double[][] {{0, 0}});

        assertThatThrownBy(() -> gmm.evaluate(new EvalRequest(x, column(0), null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("b=0.0");
        assertThatThrownBy(() -> gmm.evaluate(new EvalRequest(x, null, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("time");
    }

    @Test
    void shouldNotMutateItsInput() {
        GmmDenoiser gmm = new GmmDenoiser(DenoiserFixtures.vp(), randomMixture(new SplittableRandom(23), 2, 3));
        INDArray x = DenoiserFixtures.gaussian(new SplittableRandom(29), 4, 3, 1);
        INDArray copy = x.dup();

        gmm.evaluate(new EvalRequest(x, column(0.3, 0.6, 0.9, 1.2), null)).eps();

        assertThat(x.equals(copy)).isTrue();
    }

    private static GaussianMixture single(double[] mean, double[][] covariance) {
        return new GaussianMixture(new double[] {1}, new double[][] {mean}, new double[][][] {covariance});
    }

    /** K components in D dimensions with covariances A A^T + 0.05 I, one of them rank-deficient. */
    static GaussianMixture randomMixture(SplittableRandom random, int k, int d) {
        double[] weights = new double[k];
        double[][] means = new double[k][d];
        double[][][] covariances = new double[k][d][d];
        double total = 0;
        for (int c = 0; c < k; c++) {
            weights[c] = 0.5 + random.nextDouble();
            total += weights[c];
            double[][] factor = new double[d][d];
            for (int i = 0; i < d; i++) {
                means[c][i] = 2 * DenoiserFixtures.normal(random);
                for (int j = 0; j < d; j++) {
                    factor[i][j] = 0.6 * DenoiserFixtures.normal(random);
                }
            }
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    double sum = c == 0 ? 0 : (i == j ? 0.05 : 0);
                    for (int l = 0; l < (c == 0 ? 1 : d); l++) {
                        sum += factor[i][l] * factor[j][l];
                    }
                    covariances[c][i][j] = sum;
                }
            }
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < i; j++) {
                    covariances[c][j][i] = covariances[c][i][j];
                }
            }
        }
        for (int c = 0; c < k; c++) {
            weights[c] /= total;
        }
        return new GaussianMixture(weights, means, covariances);
    }

    private static INDArray randomRotation(SplittableRandom random, int d) {
        return SymmetricEigen.of(DenoiserFixtures.gaussian(random, d, d, 1).mmul(DenoiserFixtures.gaussian(random, d, d, 1).transpose())
                .addi(DenoiserFixtures.gaussian(random, d, d, 1).transpose().mmul(DenoiserFixtures.gaussian(random, d, d, 1)))).vectors();
    }

    /** x0-hat and div eps-hat of one row by explicit inverses and determinants (docs/science.md §3.1). */
    private static double[] reference(GaussianMixture mixture, double[] xRow, double a, double b) {
        int d = xRow.length;
        int k = mixture.components();
        RealVector x = MatrixUtils.createRealVector(xRow);
        double[] logits = new double[k];
        RealVector[] means = new RealVector[k];
        double[] second = new double[k];
        for (int c = 0; c < k; c++) {
            RealMatrix sigma = MatrixUtils.createRealMatrix(mixture.covariances()[c]);
            RealMatrix cov = sigma.scalarMultiply(a * a).add(MatrixUtils.createRealIdentityMatrix(d).scalarMultiply(b * b));
            LUDecomposition lu = new LUDecomposition(cov);
            RealMatrix inverse = lu.getSolver().getInverse();
            RealVector r = x.subtract(MatrixUtils.createRealVector(mixture.means()[c]).mapMultiply(a));
            logits[c] = Math.log(mixture.weights()[c]) - 0.5 * Math.log(Math.pow(2 * Math.PI, d) * lu.getDeterminant())
                    - 0.5 * r.dotProduct(inverse.operate(r));
            means[c] = MatrixUtils.createRealVector(mixture.means()[c]).add(sigma.operate(inverse.operate(r)).mapMultiply(a));
            RealMatrix posteriorCov = sigma.subtract(sigma.multiply(inverse).multiply(sigma).scalarMultiply(a * a));
            second[c] = posteriorCov.getTrace() + means[c].dotProduct(means[c]);
        }
        double max = java.util.Arrays.stream(logits).max().orElseThrow();
        double norm = 0;
        for (double l : logits) {
            norm += Math.exp(l - max);
        }
        RealVector x0 = new org.apache.commons.math3.linear.ArrayRealVector(d);
        double secondMoment = 0;
        for (int c = 0; c < k; c++) {
            double rho = Math.exp(logits[c] - max) / norm;
            x0 = x0.add(means[c].mapMultiply(rho));
            secondMoment += rho * second[c];
        }
        double traceCov = secondMoment - x0.dotProduct(x0);
        double[] out = java.util.Arrays.copyOf(x0.toArray(), d + 1);
        out[d] = d / b - a * a / (b * b * b) * traceCov;
        return out;
    }
}
