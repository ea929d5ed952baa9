package io.diffusim.model.learned;

import org.nd4j.linalg.api.ndarray.INDArray;

/** A trained network's inference pass, as the denoiser calls it on every batch of particles. Thread-safe. */
public interface NetworkForward {

    /** The network it evaluates. */
    Architecture shape();

    /**
     * The output {@code [B, outputs]} (a fresh array in the weights' type) at {@code x [B, D]} and network times
     * {@code t} (one per row; ignored without a time input). {@code sameTime} says every row has time {@code t[0]}.
     */
    INDArray output(INDArray x, double[] t, boolean sameTime);

    /** The pass a set of trained weights takes: the hand-written one for the MLP, SameDiff's for the rest. */
    static NetworkForward of(Weights weights) {
        return weights.shape() instanceof MlpShape ? new MlpForward(weights) : new GraphForward(weights);
    }
}
