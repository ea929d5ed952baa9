package io.diffusim.model.denoise;

import io.diffusim.model.data.DataFiles;
import io.diffusim.model.data.DataFormatException;
import io.diffusim.model.data.NpyFile;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Heat maps a user gives PSPC-Flex as one {@code .npy} array (docs/spec-reference.md {@code model.heat-maps}):
 * {@code [L, H, W, H, W]} with {@code heat[l, y, x]} the map of pixel (y, x) at the l-th entry of the tau schedule
 * (the PSPC code's layout), or {@code [H, W, H, W]} for one set at every level. Values must be finite and >= 0, and
 * no map may be all zero.
 */
public final class FileHeatMaps implements HeatMaps {

    private final int height;
    private final int width;
    private final int levels;
    private final double[] values;

    private FileHeatMaps(int height, int width, int levels, double[] values) {
        this.height = height;
        this.width = width;
        this.levels = levels;
        this.values = values;
    }

    /** Reads and checks the file against the image size and the number of schedule entries. */
    public static FileHeatMaps read(Path file, int height, int width, int scheduleLevels) {
        NpyFile.Array array = NpyFile.read(file, Long.MAX_VALUE, DataFiles.anywhere());
        int[] shape = array.shape();
        int[] oneSet = {height, width, height, width};
        boolean shared = Arrays.equals(shape, oneSet);
        boolean perLevel = shape.length == 5 && shape[0] == scheduleLevels
                && Arrays.equals(Arrays.copyOfRange(shape, 1, 5), oneSet);
        if (!shared && !perLevel) {
            throw new DataFormatException(array.name(), "heat maps of shape " + Arrays.toString(shape) + "; expected ["
                    + scheduleLevels + ", " + height + ", " + width + ", " + height + ", " + width + "] (one set per tau entry)"
                    + " or " + Arrays.toString(oneSet));
        }
        double[] values = array.values();
        int pixels = height * width;
        for (int start = 0; start < values.length; start += pixels) {
            double total = 0;
            for (int q = start; q < start + pixels; q++) {
                if (!(values[q] >= 0) || !Double.isFinite(values[q])) {
                    throw new DataFormatException(array.name(), "value " + q + " is " + values[q] + "; heat must be finite and >= 0");
                }
                total += values[q];
            }
            if (total == 0) {
                int map = start / pixels;
                throw new DataFormatException(array.name(), "the map of pixel (" + (map % pixels) / width + ", "
                        + map % width + ") at level " + map / pixels + " is all zero");
            }
        }
        return new FileHeatMaps(height, width, shared ? 1 : scheduleLevels, values);
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public double[] map(int level, int pixel) {
        int pixels = height * width;
        int start = ((levels == 1 ? 0 : level) * pixels + pixel) * pixels;
        return Arrays.copyOfRange(values, start, start + pixels);
    }
}
