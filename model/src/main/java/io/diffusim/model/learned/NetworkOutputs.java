package io.diffusim.model.learned;

import org.nd4j.autodiff.samediff.SDVariable;

/** A network's output {@code [B, outputs]} and, when a tangent was pushed through, {@code J v} (else null). */
public record NetworkOutputs(SDVariable out, SDVariable tangentOut) {
}
