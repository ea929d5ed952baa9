package io.diffusim.model.denoise;

import java.util.Arrays;

/**
 * PSPC-Square patch size P as a function of the VE noise level sigma (docs/science.md §3.6): the paper's CIFAR-10
 * table on the 18-value EDM grid fitted to an image side S, a user's table, or one fixed size. The paper's entries
 * are sizes in pixels; its 32 is the whole 32x32 image, so it becomes S, and the other entries are kept and clamped
 * to S ({@code P = entry == 32 ? S : min(entry, S)}): on 28x28 the table reads 28 x 7, 23, 15, 11, 7, 5, 3 x 6.
 */
public final class PatchSizeSchedule {

    /** PSPC CIFAR-10 (32x32) patch sizes, one per EDM grid value in descending sigma. */
    static final int[] CIFAR_PATCH_SIZES = {32, 32, 32, 32, 32, 32, 32, 23, 15, 11, 7, 5, 3, 3, 3, 3, 3, 3};

    private static final int CIFAR_SIDE = 32;

    private final LevelTable table;

    private PatchSizeSchedule(LevelTable table) {
        this.table = table;
    }

    /** The paper's schedule fitted to an image of the given side (the smaller of height and width). */
    public static PatchSizeSchedule pspc(int side) {
        if (side < 1) {
            throw new IllegalArgumentException("image side must be >= 1, got " + side);
        }
        double[] fitted = new double[CIFAR_PATCH_SIZES.length];
        Arrays.setAll(fitted, i -> CIFAR_PATCH_SIZES[i] == CIFAR_SIDE ? side : Math.min(CIFAR_PATCH_SIZES[i], side));
        return new PatchSizeSchedule(LevelTable.onEdmGrid(fitted));
    }

    /** A user's table: P = sizes[i] nearest to sigmas[i]; every size in 1..side. */
    public static PatchSizeSchedule table(double[] sigmas, int[] sizes, int side) {
        for (int size : sizes) {
            if (size < 1 || size > side) {
                throw new IllegalArgumentException("patch size " + size + " is outside 1.." + side + " (the image side)");
            }
        }
        return new PatchSizeSchedule(new LevelTable(sigmas, Arrays.stream(sizes).asDoubleStream().toArray()));
    }

    /** The same patch size at every noise level. */
    public static PatchSizeSchedule fixed(int patchSize) {
        if (patchSize < 1) {
            throw new IllegalArgumentException("patch size must be >= 1, got " + patchSize);
        }
        return new PatchSizeSchedule(new LevelTable(new double[] {0}, new double[] {patchSize}));
    }

    /** P at noise level sigma: the entry whose noise level is nearest (ties to the earlier, noisier entry). */
    public int patchSize(double sigma) {
        return (int) table.value(sigma);
    }

    /** The scheduled sizes, one per entry. */
    public int[] sizes() {
        return Arrays.stream(table.values()).mapToInt(v -> (int) v).toArray();
    }

    /** EDM rho-grid without the trailing 0 (docs/science.md §1.3): N = 18, sigma in [0.002, 80], rho = 7. */
    static double[] edmGrid() {
        return LevelTable.edmGrid();
    }
}
