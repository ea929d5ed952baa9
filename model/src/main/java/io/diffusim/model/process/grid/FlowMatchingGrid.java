package io.diffusim.model.process.grid;

/** Uniform flow-matching grid {@code t_i = 1 - i/N}, i = 0..N (docs/science.md §1.3, NOCOND table). */
public record FlowMatchingGrid(int steps) implements TimeGrid {

    public FlowMatchingGrid {
        TimeGrid.requireAtLeast(steps, 1, "steps");
    }

    /** N + 1 values from 1 down to 0. */
    @Override
    public double[] times() {
        double[] times = new double[steps + 1];
        for (int i = 0; i <= steps; i++) {
            times[i] = 1 - (double) i / steps;
        }
        return times;
    }
}
