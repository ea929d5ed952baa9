package io.diffusim.model.denoise;

import io.diffusim.model.Matmul;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One Gaussian N(mu, Sigma) seen through {@code x_t = a x_0 + b eps} (docs/science.md §3.1): its marginal
 * log-likelihood {@code ln N(x; a mu, a^2 Sigma + b^2 I)} and its posterior over x_0, batched over rows.
 */
interface GaussianComponent {

    /** Per-row marginal log-likelihood [B, 1], posterior mean m [B, D], and {@code E||x_0||^2 = ||m||^2 + tr P} [B, 1]. */
    record Terms(INDArray logLikelihood, INDArray mean, INDArray secondMoment) {
    }

    /** Evaluates the component at points x [B, D]; never mutates x. */
    Terms evaluate(INDArray x, NoiseCoefficients coefficients);

    /** The cheapest exact representation of N(mean, covariance): isotropic, diagonal or eigen-decomposed. */
    static GaussianComponent of(double[] mean, double[][] covariance) {
        int d = mean.length;
        boolean diagonal = true;
        boolean isotropic = true;
        double[] variances = new double[d];
        for (int i = 0; i < d; i++) {
            variances[i] = covariance[i][i];
            if (!(variances[i] >= 0) || !Double.isFinite(variances[i])) {
                throw new IllegalArgumentException("covariance diagonal entry " + i + " is " + variances[i]);
            }
            isotropic &= variances[i] == variances[0];
            for (int j = 0; j < d; j++) {
                diagonal &= i == j || covariance[i][j] == 0;
            }
        }
        INDArray meanRow = row(mean);
        if (diagonal && isotropic) {
            return new IsotropicComponent(meanRow, variances[0]);
        }
        if (diagonal) {
            return new EigenComponent(meanRow, row(variances), null);
        }
        double[] flat = new double[d * d];
        for (int i = 0; i < d; i++) {
            System.arraycopy(covariance[i], 0, flat, i * d, d);
        }
        SymmetricEigen eigen = SymmetricEigen.of(Nd4j.create(flat, new long[] {d, d}, DataType.DOUBLE));
        return new EigenComponent(meanRow, eigen.values(), eigen.vectors());
    }

    /** A [1, n] float64 row. */
    static INDArray row(double[] values) {
        return Nd4j.create(values, new long[] {1, values.length}, DataType.DOUBLE);
    }

    /** {@code x - a mu} per row, a fresh array. */
    static INDArray residual(INDArray x, NoiseCoefficients coefficients, INDArray meanRow) {
        return x.sub(Matmul.times(coefficients.a(), meanRow));
    }
}
