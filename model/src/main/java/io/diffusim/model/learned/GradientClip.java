package io.diffusim.model.learned;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Gradient-norm clipping as PyTorch's {@code clip_grad_norm_} does it (docs/science.md §7.3): the norm is taken over
 * every gradient together, {@code N = sqrt(sum ||g||^2)}, and when {@code c = max / (N + 1e-6)} is below 1 every
 * gradient is scaled by c. The norms are reduced on the device; only scalars come back.
 */
public final class GradientClip {

    private GradientClip() {
    }

    /** Clips {@code gradients} in place to total norm {@code maxNorm} (0 turns clipping off); returns N before clipping. */
    public static double clipInPlace(Map<String, INDArray> gradients, double maxNorm) {
        double sumSq = 0;
        for (INDArray g : gradients.values()) {
            double norm = g.norm2Number().doubleValue();
            sumSq += norm * norm;
        }
        double total = Math.sqrt(sumSq);
        double coefficient = maxNorm / (total + 1e-6);
        if (maxNorm > 0 && coefficient < 1) {
            gradients.values().forEach(g -> g.muli(coefficient));
        }
        return total;
    }
}
