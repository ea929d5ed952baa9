package io.diffusim.model.denoise;

import org.nd4j.linalg.api.ndarray.INDArray;

/** A Gaussian N(mu, s^2 I) under {@code x = a x_0 + b eps}: every covariance is a scalar per row (docs/science.md §3.1 fast path). */
final class IsotropicComponent implements GaussianComponent {

    private static final double LN_2PI = Math.log(2 * Math.PI);

    private final INDArray meanRow;
    private final double variance;
    private final int dimension;

    IsotropicComponent(INDArray meanRow, double variance) {
        this.meanRow = meanRow;
        this.variance = variance;
        this.dimension = (int) meanRow.columns();
    }

    @Override
    public Terms evaluate(INDArray x, NoiseCoefficients c) {
        INDArray r = GaussianComponent.residual(x, c, meanRow);
        // C = (a^2 s^2 + b^2) I, so ln N = -(D/2) ln(2 pi C) - ||r||^2 / (2 C)
        INDArray logLikelihood = r.mul(r).sum(true, 1)
                .muliColumnVector(c.column((a, b) -> -0.5 / (a * a * variance + b * b)))
                .addiColumnVector(c.column((a, b) -> -0.5 * dimension * (LN_2PI + Math.log(a * a * variance + b * b))));
        INDArray mean = r.muliColumnVector(c.column((a, b) -> a * variance / (a * a * variance + b * b)))
                .addiRowVector(meanRow);
        // tr P = D s^2 b^2 / (a^2 s^2 + b^2)
        INDArray secondMoment = mean.mul(mean).sum(true, 1)
                .addiColumnVector(c.column((a, b) -> dimension * variance * b * b / (a * a * variance + b * b)));
        return new Terms(logLikelihood, mean, secondMoment);
    }
}
