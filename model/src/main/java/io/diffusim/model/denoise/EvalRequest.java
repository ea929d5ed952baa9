package io.diffusim.model.denoise;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One batched model evaluation: points {@code x [B, D]}, per-row times {@code t [B, 1]} in the
 * process's own time (null for a time-free field such as EqM or a noise-unconditional model), and
 * an optional condition {@code [B, C]}.
 *
 * <p>Arrays are lent to the denoiser for the call: it must not mutate or keep them.
 */
public record EvalRequest(INDArray x, INDArray t, INDArray condition) {

    public EvalRequest {
        if (x == null || x.rank() != 2) {
            throw new IllegalArgumentException("x must be a [B, D] matrix");
        }
        if (t != null && (t.rank() != 2 || t.columns() != 1 || t.rows() != x.rows())) {
            throw new IllegalArgumentException("t must be a [B, 1] column matching x's " + x.rows() + " rows");
        }
    }

    /** Rows in the batch. */
    public int batch() {
        return (int) x.rows();
    }

    /** Flattened dimension D. */
    public int dimension() {
        return (int) x.columns();
    }
}
