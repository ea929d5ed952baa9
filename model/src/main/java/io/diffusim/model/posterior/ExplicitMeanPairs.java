package io.diffusim.model.posterior;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Pairs whose posterior means are held explicitly as x0-hat [M, D] next to the repeated inputs [M, D]. */
record ExplicitMeanPairs(INDArray logLikelihood, INDArray x0, INDArray inputs, int rows) implements DataLikelihood.Pairs {

    /** Log-likelihoods only (the mean was not asked for). */
    static ExplicitMeanPairs withoutMean(INDArray logLikelihood) {
        return new ExplicitMeanPairs(logLikelihood, null, null, 0);
    }

    @Override
    public INDArray meanSquaredNorm() {
        return x0.mul(x0).sum(true, 1);
    }

    @Override
    public INDArray meanDotInput() {
        return x0.mul(inputs).sum(true, 1);
    }

    @Override
    public INDArray weightedMeanSum(INDArray coefficients) {
        long perRow = x0.rows() / rows;
        return x0.mulColumnVector(coefficients).reshape(rows, perRow, x0.columns()).sum(1);
    }
}
