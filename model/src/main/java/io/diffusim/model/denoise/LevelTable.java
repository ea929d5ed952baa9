package io.diffusim.model.denoise;

import java.util.Arrays;

/**
 * Values per noise level for the local denoisers of docs/science.md §3.6: entry i holds for the VE noise levels sigma
 * nearest to {@code sigma_i} (in |sigma - sigma_i|; ties to the earlier entry), as the PSPC code looks its tables up.
 */
public final class LevelTable {

    /** Number of entries of the paper's tables, one per value of the EDM grid. */
    public static final int PSPC_LEVELS = 18;

    private final double[] sigmas;
    private final double[] values;

    /** Entries {@code (sigmas[i], values[i])}; sigma finite and >= 0. */
    public LevelTable(double[] sigmas, double[] values) {
        if (sigmas.length == 0 || sigmas.length != values.length) {
            throw new IllegalArgumentException("a level table needs as many values as noise levels (at least one), got "
                    + sigmas.length + " and " + values.length);
        }
        for (double sigma : sigmas) {
            if (!(sigma >= 0) || !Double.isFinite(sigma)) {
                throw new IllegalArgumentException("noise levels must be finite and >= 0, got " + sigma);
            }
        }
        this.sigmas = sigmas.clone();
        this.values = values.clone();
    }

    /** The paper's table: {@code values} on the 18-value EDM grid, descending sigma. */
    public static LevelTable onEdmGrid(double[] values) {
        return new LevelTable(edmGrid(), values);
    }

    /** The index of the entry nearest to sigma. */
    public int index(double sigma) {
        if (Double.isNaN(sigma) || sigma < 0) {
            throw new IllegalArgumentException("sigma must be >= 0, got " + sigma);
        }
        int best = 0;
        for (int i = 1; i < sigmas.length; i++) {
            if (Math.abs(sigmas[i] - sigma) < Math.abs(sigmas[best] - sigma)) {
                best = i;
            }
        }
        return best;
    }

    /** The value of the entry nearest to sigma. */
    public double value(double sigma) {
        return values[index(sigma)];
    }

    public int size() {
        return sigmas.length;
    }

    public double[] sigmas() {
        return sigmas.clone();
    }

    public double[] values() {
        return values.clone();
    }

    /** EDM rho-grid without the trailing 0 (docs/science.md §1.3): N = 18, sigma in [0.002, 80], rho = 7. */
    static double[] edmGrid() {
        int n = PSPC_LEVELS;
        double rho = 7;
        double hi = Math.pow(80, 1 / rho);
        double lo = Math.pow(0.002, 1 / rho);
        double[] grid = new double[n];
        Arrays.setAll(grid, i -> Math.pow(hi + i / (n - 1.0) * (lo - hi), rho));
        return grid;
    }
}
