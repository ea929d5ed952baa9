package io.diffusim.model.posterior;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Pairs whose log-likelihoods are exact and whose posterior means are held explicitly as x0-hat [M, D] next to
 * the repeated inputs [M, D] (the Gaussian mixture of docs/science.md §3.1, §3.4).
 */
final class ExplicitMeanPairs implements DataLikelihood.Pairs {

    private final INDArray logLikelihood;
    private final INDArray x0;
    private final INDArray inputs;
    private final int perRow;
    private final MeanSum means;
    private INDArray weights;

    /** x0 may be null when the mean was not asked for; {@code means} is the rows' running sum. */
    ExplicitMeanPairs(INDArray logLikelihood, INDArray x0, INDArray inputs, int perRow, MeanSum means) {
        this.logLikelihood = logLikelihood;
        this.x0 = x0;
        this.inputs = inputs;
        this.perRow = perRow;
        this.means = means;
    }

    @Override
    public INDArray peak() {
        return logLikelihood.dup();
    }

    @Override
    public INDArray weigh(INDArray shift) {
        weights = Transforms.exp(logLikelihood.sub(shift), false);
        return weights.dup();
    }

    @Override
    public INDArray weightedMeanSquaredNorm() {
        return x0.mul(x0).sum(true, 1).muli(weights);
    }

    @Override
    public INDArray weightedMeanDotInput() {
        return x0.mul(inputs).sum(true, 1).muli(weights);
    }

    @Override
    public void addWeightedMean(INDArray alpha) {
        INDArray coefficients = alpha.length() == 1 ? weights.mul(alpha.getDouble(0)) : weights.mul(alpha);
        INDArray terms = x0.mulColumnVector(coefficients);
        means.add(perRow == 1 ? terms : terms.reshape(x0.rows() / perRow, perRow, x0.columns()).sum(1));
    }
}
