package io.diffusim.model.learned;

import java.util.Set;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.ops.OpContext;

/**
 * Lets oneDNN run a graph's convolutions and pooling and nothing else. Its matrix products are not reproducible
 * here: an MLP trained 30 steps straight and one resumed from a checkpoint at step 12 ended with different weights
 * with oneDNN's matmul, and bit for bit equal without it; its convolutions are what make a U-Net trainable on a CPU
 * (a step about 20x faster) and resumed U-Net trainings are bit for bit equal. Every graph diffusim builds takes this
 * listener.
 */
final class ConvolutionHelpers extends BaseListener {

    private static final Set<String> ALLOWED = Set.of("conv2d", "conv2d_bp", "avgpool2d", "avgpool2d_bp");
    private static final ConvolutionHelpers INSTANCE = new ConvolutionHelpers();

    private ConvolutionHelpers() {
    }

    /** Attaches the policy to {@code sd}. */
    static SameDiff apply(SameDiff sd) {
        sd.addListeners(INSTANCE);
        return sd;
    }

    @Override
    public boolean isActive(Operation operation) {
        return true;
    }

    @Override
    public void preOpExecution(SameDiff sd, At at, SameDiffOp op, OpContext context) {
        context.allowHelpers(ALLOWED.contains(op.getOp().opName()));
    }
}
