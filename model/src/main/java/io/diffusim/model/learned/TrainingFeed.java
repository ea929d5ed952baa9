package io.diffusim.model.learned;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What one training step feeds the graph ({@link TrainingGraph}): the network's input {@code x [B, D]}, its time input
 * {@code t [B, 1]} (unused without one), the regression target {@code [B, D]} (unused by the sliced losses), the row
 * weights {@code [B, 1]}, the probe {@code v [B, D]} of the sliced losses (null otherwise) and the signed weights of
 * the log-density head's term {@code [B, 1]} (null without a head; docs/science.md §7.4).
 */
public record TrainingFeed(INDArray x, INDArray t, INDArray target, INDArray weight, INDArray probe, INDArray head) {
}
