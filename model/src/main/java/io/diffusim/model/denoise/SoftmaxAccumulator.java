package io.diffusim.model.denoise;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Streaming log-sum-exp (SCIENCE.md §0): per row, a running max {@code m} and running sums
 * {@code S = sum_j exp(l_j - m) v_j} over blocks of logits l and value rows v, rescaled by
 * {@code exp(m_old - m_new)} when the max grows, so softmax-weighted means never overflow.
 *
 * <p>Callers put a column of ones last in their values, so {@link #weightedMeans()} can normalise by it.
 * Single-threaded and mutable; one instance per evaluation.
 */
public final class SoftmaxAccumulator {

    private INDArray max;
    private INDArray sums;

    /** Adds a block: logits {@code [B, k]} (consumed: overwritten) against shared values {@code [k, W]}. */
    public void acceptBlock(INDArray logits, INDArray values) {
        INDArray weights = rebase(logits, logits.max(true, 1));
        if (sums == null) {
            sums = weights.mmul(values);
        } else {
            Nd4j.gemm(weights, values, sums, false, false, 1.0, 1.0);
        }
    }

    /** Adds one term per row: logit {@code [B, 1]} (consumed) with per-row values {@code [B, W]}. */
    public void acceptRows(INDArray logit, INDArray values) {
        INDArray weight = rebase(logit, logit.dup());
        if (sums == null) {
            sums = values.mulColumnVector(weight);
        } else {
            sums.addi(values.mulColumnVector(weight));
        }
    }

    /** Running sums {@code [B, W]} relative to the running max; read-only. */
    public INDArray sums() {
        requireData();
        return sums;
    }

    /** Softmax-weighted means of every value column, {@code S / S[:, W-1]} (last column must be ones). */
    public INDArray weightedMeans() {
        requireData();
        return sums.divColumnVector(sums.getColumn(sums.columns() - 1, true));
    }

    /** {@code LSE_j(l_j) = m + ln S[:, W-1]} per row [B, 1] (last value column must be ones). */
    public INDArray logNormaliser() {
        requireData();
        return Transforms.log(sums.getColumn(sums.columns() - 1, true), true).addi(max);
    }

    /** Moves the running max to max(m, blockMax), rescales the sums, and turns logits into exp(l - m) in place. */
    private INDArray rebase(INDArray logits, INDArray blockMax) {
        if (max == null) {
            max = blockMax;
        } else {
            INDArray newMax = Transforms.max(max, blockMax, true);
            sums.muliColumnVector(Transforms.exp(max.subi(newMax), false));
            max = newMax;
        }
        return Transforms.exp(logits.subiColumnVector(max), false);
    }

    private void requireData() {
        if (sums == null) {
            throw new IllegalStateException("no block accepted yet");
        }
    }
}
