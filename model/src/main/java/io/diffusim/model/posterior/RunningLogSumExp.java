package io.diffusim.model.posterior;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Streaming log-sum-exp with a running softmax-weighted mean, per row of a batch (SCIENCE.md §0): a running
 * max m, normaliser z = sum exp(l - m) and numerator sum exp(l - m) v, rescaled by exp(m_old - m_new) when the
 * max grows. Owns and mutates only its own arrays.
 */
final class RunningLogSumExp {

    private INDArray max;
    private INDArray normaliser;
    private INDArray numerator;

    /** Adds a chunk of logits [M, c] whose terms carry the shared values [c, D] (or null: no mean). */
    void addChunk(INDArray logits, INDArray values) {
        rescaleTo(logits.max(true, 1));
        INDArray weights = Transforms.exp(logits.subColumnVector(max), false);
        normaliser.addi(weights.sum(true, 1));
        if (values != null) {
            accumulate(weights.mmul(values));
        }
    }

    /** Adds one logit per row [M, 1] whose term carries a per-row value [M, D] (or null: no mean). */
    void addTerm(INDArray logit, INDArray value) {
        rescaleTo(logit);
        INDArray weight = Transforms.exp(logit.sub(max), false);
        normaliser.addi(weight);
        if (value != null) {
            accumulate(value.mulColumnVector(weight));
        }
    }

    /** ln sum exp(l) per row [M, 1] (fresh array). */
    INDArray logSum() {
        return Transforms.log(normaliser, true).addi(max);
    }

    /** The softmax-weighted mean of the values per row [M, D] (fresh array). */
    INDArray mean() {
        return numerator.divColumnVector(normaliser);
    }

    private void rescaleTo(INDArray candidateMax) {
        if (max == null) {
            max = candidateMax.dup();
            normaliser = Nd4j.zeros(max.dataType(), max.rows(), 1);
            return;
        }
        INDArray newMax = Transforms.max(max, candidateMax, true);
        INDArray scale = Transforms.exp(max.subi(newMax), false);
        normaliser.muli(scale);
        if (numerator != null) {
            numerator.muliColumnVector(scale);
        }
        max = newMax;
    }

    private void accumulate(INDArray term) {
        if (numerator == null) {
            numerator = term;
        } else {
            numerator.addi(term);
        }
    }
}
