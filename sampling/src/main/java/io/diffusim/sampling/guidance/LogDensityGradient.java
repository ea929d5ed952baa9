package io.diffusim.sampling.guidance;

import io.diffusim.model.learned.MlpDensityHead;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The gradient of an estimated log-density of the noised data, grad_x l-hat(x_t, t), used by density
 * guidance (docs/science.md §7.4). Implementations are pure functions of their arguments and thread-safe.
 */
public interface LogDensityGradient {

    /**
     * The gradient at points x [B, D] of the noised distribution at process time t with coefficients
     * a = a(t), b = b(t); returns a fresh [B, D] float64 array and never mutates x.
     */
    INDArray gradient(INDArray x, double t, double a, double b);

    /** The learned log-density head of docs/science.md §7.4 (eq. 4): its input gradient by reverse mode. */
    static LogDensityGradient modelHead(MlpDensityHead head) {
        return (x, t, a, b) -> head.gradient(x, t);
    }
}
