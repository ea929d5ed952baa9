package io.diffusim.model.denoise;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * PSPC-Flex's mask of one pixel (docs/science.md §3.6): normalise the heat map to sum 1, sort ascending (ties by pixel
 * index, so the result does not depend on a sort's stability), take the running sum c and keep the pixels with
 * {@code c >= 1 - tau}: the coolest pixels are dropped while their heat stays below 1 - tau, so the mask holds at
 * least a share tau of the heat. tau = 1 keeps every pixel.
 */
final class FlexMask {

    private FlexMask() {
    }

    /** The kept pixels, ascending. */
    static int[] of(double[] heat, double tau) {
        if (!(tau > 0) || !(tau <= 1)) {
            throw new IllegalArgumentException("tau must be in (0, 1], got " + tau);
        }
        double total = 0;
        for (double h : heat) {
            total += h;
        }
        double sum = total;
        double[] normalised = Arrays.stream(heat).map(h -> h / sum).toArray();
        Integer[] order = IntStream.range(0, heat.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> normalised[i]).thenComparingInt(i -> i));
        boolean[] kept = new boolean[heat.length];
        double running = 0;
        for (int i : order) {
            running += normalised[i];
            kept[i] = running >= 1 - tau;
        }
        return IntStream.range(0, heat.length).filter(i -> kept[i]).toArray();
    }
}
