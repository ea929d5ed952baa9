package io.diffusim.model.learned;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * AdamW as PyTorch's {@code torch.optim.AdamW} computes it (docs/science.md §7.3: betas (0.9, 0.999), eps 1e-8,
 * decoupled weight decay): {@code p <- p (1 - lr wd)}, {@code m <- b1 m + (1-b1) g}, {@code v <- b2 v + (1-b2) g^2},
 * {@code p <- p - lr/(1-b1^k) m / (sqrt(v)/sqrt(1-b2^k) + eps)} at step k = 1, 2, ...
 *
 * <p>ND4J has no AdamW, and writing it out keeps the update in place on the weights (one scratch array per
 * parameter, no allocation per step). The moments are part of a checkpoint. Not thread-safe.
 */
public final class AdamW {

    public static final double BETA1 = 0.9;
    public static final double BETA2 = 0.999;
    public static final double EPSILON = 1e-8;

    private final double weightDecay;
    private final Map<String, INDArray> m;
    private final Map<String, INDArray> v;
    private final Map<String, INDArray> scratch = new LinkedHashMap<>();
    private long step;

    /** Fresh state: zero moments for every parameter, step 0. */
    public AdamW(Weights parameters, double weightDecay) {
        this(parameters, weightDecay, zeros(parameters), zeros(parameters), 0);
    }

    /** Resumed state (from a checkpoint): the moments are used, not copied. */
    public AdamW(Weights parameters, double weightDecay, Map<String, INDArray> m, Map<String, INDArray> v,
                 long step) {
        this.weightDecay = weightDecay;
        this.m = m;
        this.v = v;
        this.step = step;
        parameters.arrays().forEach((name, p) -> scratch.put(name, p.ulike()));
    }

    /** One update of {@code parameters} in place with learning rate {@code lr}; consumes (overwrites) the gradients. */
    public void stepInPlace(Weights parameters, Map<String, INDArray> gradients, double lr) {
        step++;
        double biasCorrection1 = 1 - Math.pow(BETA1, step);
        double sqrtBiasCorrection2 = Math.sqrt(1 - Math.pow(BETA2, step));
        double stepSize = lr / biasCorrection1;
        parameters.arrays().forEach((name, p) -> {
            INDArray g = gradients.get(name);
            INDArray mi = m.get(name);
            INDArray vi = v.get(name);
            INDArray tmp = scratch.get(name);
            if (weightDecay > 0) {
                p.muli(1 - lr * weightDecay);
            }
            tmp.assign(g).muli(g).muli(1 - BETA2);
            vi.muli(BETA2).addi(tmp);
            mi.muli(BETA1).addi(g.muli(1 - BETA1));
            tmp.assign(vi);
            Transforms.sqrt(tmp, false).divi(sqrtBiasCorrection2).addi(EPSILON);
            // tmp <- m / denominator, then the step
            tmp.rdivi(mi).muli(stepSize);
            p.subi(tmp);
        });
    }

    /** Optimiser steps taken. */
    public long step() {
        return step;
    }

    /** First moments by parameter name (live). */
    public Map<String, INDArray> firstMoments() {
        return m;
    }

    /** Second moments by parameter name (live). */
    public Map<String, INDArray> secondMoments() {
        return v;
    }

    private static Map<String, INDArray> zeros(Weights parameters) {
        Map<String, INDArray> zeros = new LinkedHashMap<>();
        parameters.arrays().forEach((name, p) -> zeros.put(name, p.ulike().assign(0)));
        return zeros;
    }
}
