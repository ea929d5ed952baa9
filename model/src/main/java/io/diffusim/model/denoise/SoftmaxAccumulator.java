package io.diffusim.model.denoise;

import io.diffusim.model.Matmul;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Streaming log-sum-exp (docs/science.md §0): per row, a running max {@code m} and running sums
 * {@code S = sum_j exp(l_j - m) v_j} over blocks of logits l and value rows v, rescaled by
 * {@code exp(m_old - m_new)} when the max grows, so softmax-weighted means never overflow.
 *
 * <p>Callers put a column of ones last in their values, so {@link #weightedMeans()} can normalise by it.
 * Callers that exponentiate themselves (to fold the shift into work they do anyway) move the max with
 * {@link #raiseMax}, read it with {@link #runningMax()} and add sums on its scale with {@link #addScaled}.
 * Single-threaded and mutable; one instance per evaluation.
 */
public final class SoftmaxAccumulator {

    private INDArray max;
    private INDArray sums;

    /** Adds a block: logits {@code [B, k]} (consumed: overwritten) against shared values {@code [k, W]}. */
    public void acceptBlock(INDArray logits, INDArray values) {
        INDArray weights = rebase(logits, logits.max(true, 1));
        if (sums == null) {
            sums = Matmul.times(weights, values);
        } else {
            Nd4j.gemm(weights, values, sums, false, false, 1.0, 1.0);
        }
    }

    /** Adds one term per row: logit {@code [B, 1]} (consumed) with per-row values {@code [B, W]}. */
    public void acceptRows(INDArray logit, INDArray values) {
        INDArray weight = rebase(logit, logit.dup());
        addScaled(values.mulColumnVector(weight));
    }

    /**
     * Raises the running max to {@code max(m, candidate)} per row and rescales the sums.
     *
     * @param candidate per-row upper bounds of the coming logits {@code [B, 1]} (not retained)
     * @return the factors {@code exp(m_old - m_new)} [B, 1] for the caller's own sums on this scale, or null on the
     *     first call, which sets m
     */
    public INDArray raiseMax(INDArray candidate) {
        if (max == null) {
            max = candidate.dup();
            return null;
        }
        INDArray newMax = Transforms.max(max, candidate, true);
        INDArray scale = Transforms.exp(max.subi(newMax), false);
        if (sums != null) {
            sums.muliColumnVector(scale);
        }
        max = newMax;
        return scale;
    }

    /** True once a max has been set. */
    public boolean hasMax() {
        return max != null;
    }

    /** The running max m [B, 1] that {@link #addScaled} terms are relative to; read-only. */
    public INDArray runningMax() {
        if (max == null) {
            throw new IllegalStateException("no max raised yet");
        }
        return max;
    }

    /** Adds per-row sums {@code sum exp(l - m) v} [B, W] already on the running max's scale (taken over, not copied). */
    public void addScaled(INDArray terms) {
        if (sums == null) {
            sums = terms;
        } else {
            sums.addi(terms);
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
        raiseMax(blockMax);
        return Transforms.exp(logits.subiColumnVector(max), false);
    }

    private void requireData() {
        if (sums == null) {
            throw new IllegalStateException("no block accepted yet");
        }
    }
}
