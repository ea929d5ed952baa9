package io.diffusim.model.denoise;

import java.util.Arrays;

/**
 * PSPC-Square patch size P as a function of the VE noise level sigma (docs/science.md §3.6): the CIFAR-10 table aligned
 * with the 18-value EDM grid (nearest grid value in |sigma - t_i|), scaled to an image side S as
 * {@code max(1, min(S, round(entry * S / 32)))}; or a fixed size.
 */
public final class PatchSizeSchedule {

    /** PSPC CIFAR-10 (32x32) patch sizes, one per EDM grid value in descending sigma. */
    static final int[] CIFAR_PATCH_SIZES = {32, 32, 32, 32, 32, 32, 32, 23, 15, 11, 7, 5, 3, 3, 3, 3, 3, 3};

    private static final int CIFAR_SIDE = 32;

    private final double[] grid;
    private final int[] sizes;

    private PatchSizeSchedule(double[] grid, int[] sizes) {
        this.grid = grid;
        this.sizes = sizes;
    }

    /** The CIFAR-10 schedule scaled to an image of the given side (the smaller of height and width). */
    public static PatchSizeSchedule cifar(int side) {
        if (side < 1) {
            throw new IllegalArgumentException("image side must be >= 1, got " + side);
        }
        int[] scaled = new int[CIFAR_PATCH_SIZES.length];
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] = Math.max(1, Math.min(side, (int) Math.round(CIFAR_PATCH_SIZES[i] * (double) side / CIFAR_SIDE)));
        }
        return new PatchSizeSchedule(edmGrid(), scaled);
    }

    /** The same patch size at every noise level. */
    public static PatchSizeSchedule fixed(int patchSize) {
        if (patchSize < 1) {
            throw new IllegalArgumentException("patch size must be >= 1, got " + patchSize);
        }
        return new PatchSizeSchedule(new double[] {0}, new int[] {patchSize});
    }

    /** P at noise level sigma: the entry whose grid value is nearest (ties to the noisier entry). */
    public int patchSize(double sigma) {
        if (Double.isNaN(sigma) || sigma < 0) {
            throw new IllegalArgumentException("sigma must be >= 0, got " + sigma);
        }
        int best = 0;
        for (int i = 1; i < grid.length; i++) {
            if (Math.abs(grid[i] - sigma) < Math.abs(grid[best] - sigma)) {
                best = i;
            }
        }
        return sizes[best];
    }

    /** The scheduled sizes, one per grid value. */
    public int[] sizes() {
        return sizes.clone();
    }

    /** EDM rho-grid without the trailing 0 (docs/science.md §1.3): N = 18, sigma in [0.002, 80], rho = 7. */
    static double[] edmGrid() {
        int n = CIFAR_PATCH_SIZES.length;
        double rho = 7;
        double hi = Math.pow(80, 1 / rho);
        double lo = Math.pow(0.002, 1 / rho);
        double[] grid = new double[n];
        Arrays.setAll(grid, i -> Math.pow(hi + i / (n - 1.0) * (lo - hi), rho));
        return grid;
    }
}
