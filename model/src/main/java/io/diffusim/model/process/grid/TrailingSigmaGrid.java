package io.diffusim.model.process.grid;

import io.diffusim.model.process.LogLinearSigmaSchedule;

/**
 * Trailing subsampling of an ascending sigma table: indices {@code k_j = round(L (1 - j/S)) - 1}, j = 0..S-1,
 * then index 0, giving S + 1 descending sigmas from sigma_{L-1} to sigma_0 with no terminal zero
 * (docs/science.md §1.3, SMALLDIFF {@code Schedule.sample_sigmas}).
 */
public final class TrailingSigmaGrid implements TimeGrid {

    private final double[] table;
    private final int steps;

    /**
     * @param ascendingTable sigma_0 < ... < sigma_{L-1}
     * @param steps S in [1, L-1]
     */
    public TrailingSigmaGrid(double[] ascendingTable, int steps) {
        TimeGrid.requireAtLeast(ascendingTable.length, 2, "table length");
        for (int k = 1; k < ascendingTable.length; k++) {
            if (!(ascendingTable[k] > ascendingTable[k - 1])) {
                throw new IllegalArgumentException("sigma table is not strictly ascending at index " + k
                        + ": " + ascendingTable[k - 1] + ", " + ascendingTable[k]);
            }
        }
        if (steps < 1 || steps >= ascendingTable.length) {
            throw new IllegalArgumentException(
                    "steps must lie in [1, " + (ascendingTable.length - 1) + "], got " + steps);
        }
        this.table = ascendingTable.clone();
        this.steps = steps;
    }

    /** S steps over a log-linear table. */
    public static TrailingSigmaGrid of(LogLinearSigmaSchedule schedule, int steps) {
        return new TrailingSigmaGrid(schedule.sigmas(), steps);
    }

    /** The chosen table indices k_0 > ... > k_{S-1} > 0. */
    public int[] indices() {
        int length = table.length;
        int[] indices = new int[steps + 1];
        for (int j = 0; j < steps; j++) {
            indices[j] = TimeGrid.roundHalfEven(length * (1 - (double) j / steps)) - 1;
        }
        indices[steps] = 0;
        return indices;
    }

    @Override
    public double[] times() {
        int[] indices = indices();
        double[] sigmas = new double[indices.length];
        for (int j = 0; j < indices.length; j++) {
            sigmas[j] = table[indices[j]];
        }
        return sigmas;
    }
}
