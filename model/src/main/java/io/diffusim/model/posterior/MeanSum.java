package io.diffusim.model.posterior;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A running per-row sum [r, W] on the scale of a streaming log-sum-exp (docs/science.md §3.4): the posterior-mean
 * part sum_g alpha_g w_g x0-hat_g of an effective target, as weights on the points or as explicit means.
 */
final class MeanSum {

    private INDArray sum;

    /** Adds terms [r, W] (copied on the first call, so a reused work array may be passed). */
    void add(INDArray terms) {
        if (sum == null) {
            sum = terms.dup();
        } else {
            sum.addi(terms);
        }
    }

    /** Adds alpha * terms [r, W] (not mutated) with one BLAS axpy. */
    void add(double alpha, INDArray terms) {
        if (sum == null) {
            sum = terms.mul(alpha);
        } else {
            Nd4j.getBlasWrapper().level1().axpy(terms.length(), alpha, terms, sum);
        }
    }

    /** Multiplies each row by scale [r, 1]. */
    void rescale(INDArray scale) {
        if (sum != null) {
            sum.muliColumnVector(scale);
        }
    }

    /** The sum, or null before the first add. */
    INDArray value() {
        return sum;
    }
}
