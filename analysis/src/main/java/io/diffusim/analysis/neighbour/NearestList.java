package io.diffusim.analysis.neighbour;

import java.util.Arrays;

/** The k smallest values offered so far, kept sorted by insertion (k is small, so this beats a heap). */
final class NearestList {

    private final double[] values;
    private int size;

    NearestList(int k) {
        values = new double[k];
    }

    void clear() {
        size = 0;
    }

    /** Current k-th smallest value, or +∞ while fewer than k values were offered: the pruning radius. */
    double worst() {
        return size < values.length ? Double.POSITIVE_INFINITY : values[values.length - 1];
    }

    void offer(double v) {
        if (v >= worst()) {
            return;
        }
        int i = size < values.length ? size++ : values.length - 1;
        while (i > 0 && values[i - 1] > v) {
            values[i] = values[i - 1];
            i--;
        }
        values[i] = v;
    }

    /** The sorted values, with {@code Math.sqrt} applied when they are squared distances. */
    double[] toArray(boolean squareRoot) {
        double[] out = Arrays.copyOf(values, size);
        if (squareRoot) {
            for (int i = 0; i < out.length; i++) {
                out[i] = Math.sqrt(Math.max(0.0, out[i]));
            }
        }
        return out;
    }
}
