package io.diffusim.actors.store;

import java.util.Arrays;

/** The recorded steps of one metric series, sorted and unique, in a growing {@code long[]} (8 bytes a record). */
final class StepSet {

    private long[] steps = new long[16];
    private int size;

    /** Adds a step; O(1) for the usual increasing steps, a shift for an out-of-order one. */
    void add(long step) {
        if (size > 0 && steps[size - 1] >= step) {
            int at = Arrays.binarySearch(steps, 0, size, step);
            if (at >= 0) {
                return;
            }
            insert(-at - 1, step);
            return;
        }
        insert(size, step);
    }

    long[] toArray() {
        return Arrays.copyOf(steps, size);
    }

    int size() {
        return size;
    }

    private void insert(int at, long step) {
        if (size == steps.length) {
            steps = Arrays.copyOf(steps, size * 2);
        }
        System.arraycopy(steps, at, steps, at + 1, size - at);
        steps[at] = step;
        size++;
    }
}
