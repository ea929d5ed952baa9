package io.diffusim.actors.store;

import java.util.Map;

/**
 * A particle batch at a step boundary, as plain values (no ND4J arrays): enough to rebuild its
 * SamplerState exactly. Arrays are row-major float64 with their shapes.
 */
public record Checkpoint(int step, int subStep, long nfe, long[] particles, long[] xShape, double[] x,
        Map<String, long[]> auxShapes, Map<String, double[]> aux) {
}
