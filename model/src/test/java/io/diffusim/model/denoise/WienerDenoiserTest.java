package io.diffusim.model.denoise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.diffusim.model.data.GaussianMixture;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class WienerDenoiserTest {

    /** Two float64 eigen-decompositions of the same covariance agree to round-off amplified by conditioning. */
    private static final double CROSS_TOL = 1e-9;
    /** Central differences with h = 1e-4. */
    private static final double FD_STEP = 1e-4;
    private static final double FD_TOL = 1e-6;
    private static final int D = 5;
    /** Per-axis data scales: distinct eigenvalues, so the top-r subspace is well defined. */
    private static final double[] SCALES = {2.0, 1.3, 0.8, 0.4, 0.1};

    @Test
    void shouldEqualTheGaussianMixtureDenoiserOfTheFittedGaussian() {
        INDArray points = data(new SplittableRandom(1), 200);
        SplittableRandom random = new SplittableRandom(2);
        INDArray x = DenoiserFixtures.gaussian(random, 10, D, 1.5);
        INDArray t = DenoiserFixtures.times(random, 10, 0.05, 1.5);
        GmmDenoiser fitted = new GmmDenoiser(DenoiserFixtures.vp(), new GaussianMixture(new double[] {1},
                new double[][] {mean(points)}, new double[][][] {populationCovariance(points)}));

        INDArray wiener = evaluate(new WienerDenoiser(DenoiserFixtures.vp(), points, 0), x, t);

        assertThat(DenoiserFixtures.maxAbsDiff(evaluate(fitted, x, t), wiener)).isLessThan(CROSS_TOL);
    }

    @Test
    void shouldApplyTheTopRankVeFilterOfSection33() {
        INDArray points = data(new SplittableRandom(3), 300);
        double sigma = 0.7;
        INDArray z = DenoiserFixtures.gaussian(new SplittableRandom(4), 4, D, 1.5);

        INDArray actual = new WienerDenoiser(DenoiserFixtures.ve(), points, 2)
                .evaluate(new EvalRequest(z, DenoiserFixtures.column(sigma, sigma, sigma, sigma), null)).x0();

        // D(z) = m + U_r diag(lambda / (lambda + sigma^2)) U_r^T (z - m), by an independent decomposition
        RealVector m = MatrixUtils.createRealVector(mean(points));
        EigenDecomposition eigen = new EigenDecomposition(MatrixUtils.createRealMatrix(populationCovariance(points)));
        for (int i = 0; i < 4; i++) {
            RealVector centred = MatrixUtils.createRealVector(z.getRow(i).toDoubleVector()).subtract(m);
            RealVector expected = m.copy();
            for (int k = 0; k < 2; k++) {
                double lambda = eigen.getRealEigenvalues()[k];
                RealVector u = eigen.getEigenvector(k);
                expected = expected.add(u.mapMultiply(lambda / (lambda + sigma * sigma) * u.dotProduct(centred)));
            }
            assertThat(actual.getRow(i).toDoubleVector()).containsExactly(expected.toArray(), within(CROSS_TOL));
        }
    }

    @Test
    void shouldMatchCentralDifferenceDivergenceWhenTruncated() {
        WienerDenoiser wiener = new WienerDenoiser(DenoiserFixtures.vp(), data(new SplittableRandom(5), 100), 3);
        SplittableRandom random = new SplittableRandom(6);
        INDArray x = DenoiserFixtures.gaussian(random, 4, D, 1);
        INDArray t = DenoiserFixtures.times(random, 4, 0.2, 1.4);

        double[] analytic = wiener.evaluate(new EvalRequest(x, t, null)).divergence().toDoubleVector();

        assertThat(analytic).containsExactly(DenoiserFixtures.centralDifferenceDivergence(wiener, x, t, FD_STEP), within(FD_TOL));
    }

    @Test
    void shouldRejectANegativeRank() {
        assertThatThrownBy(() -> new WienerDenoiser(DenoiserFixtures.ve(), data(new SplittableRandom(7), 10), -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
    }

    /** Correlated, anisotropic points: scaled axes mixed by a fixed rotation, plus an offset. */
    private static INDArray data(SplittableRandom random, int n) {
        INDArray scaled = DenoiserFixtures.gaussian(random, n, D, 1).mulRowVector(
                DenoiserFixtures.matrix(new double[][] {SCALES}));
        INDArray mixing = SymmetricEigen.of(DenoiserFixtures.gaussian(new SplittableRandom(99), D, D, 1)
                .mmul(DenoiserFixtures.gaussian(new SplittableRandom(98), D, D, 1).transpose())
                .addi(DenoiserFixtures.gaussian(new SplittableRandom(98), D, D, 1)
                        .mmul(DenoiserFixtures.gaussian(new SplittableRandom(99), D, D, 1).transpose()))).vectors();
        return scaled.mmul(mixing.transpose()).addi(0.5);
    }

    private static double[] mean(INDArray points) {
        double[][] rows = points.toDoubleMatrix();
        double[] mean = new double[D];
        for (double[] row : rows) {
            for (int j = 0; j < D; j++) {
                mean[j] += row[j] / rows.length;
            }
        }
        return mean;
    }

    private static double[][] populationCovariance(INDArray points) {
        double[][] rows = points.toDoubleMatrix();
        double[] mean = mean(points);
        double[][] cov = new double[D][D];
        for (double[] row : rows) {
            for (int i = 0; i < D; i++) {
                for (int j = 0; j < D; j++) {
                    cov[i][j] += (row[i] - mean[i]) * (row[j] - mean[j]) / rows.length;
                }
            }
        }
        // exact symmetry for GaussianMixture's check
        RealMatrix m = MatrixUtils.createRealMatrix(cov);
        return m.add(m.transpose()).scalarMultiply(0.5).getData();
    }

    private static INDArray evaluate(Denoiser denoiser, INDArray x, INDArray t) {
        return DenoiserFixtures.withDivergence(denoiser.evaluate(new EvalRequest(x, t, null)));
    }
}
