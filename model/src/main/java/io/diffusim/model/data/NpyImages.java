package io.diffusim.model.data;

import io.diffusim.config.DataSpec.Layout;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A data set from a {@code .npy} array (docs/spec-reference.md {@code data.kind = npy}): bytes mapped to
 * {@code lo + (hi - lo) u / 255} like IDX pixels, floats taken as they are (they must be finite).
 */
public final class NpyImages {

    private NpyImages() {
    }

    /** The first n items (fewer if the array has fewer). */
    public static Dataset read(Path file, int n, Layout layout, double lo, double hi, DataFiles files) {
        Points.requireCount(n);
        double[] levels = ImageArrays.byteLevels(lo, hi);
        NpyFile.Array array = NpyFile.read(file, n, files);
        double[] values = array.values();
        for (int i = 0; i < values.length; i++) {
            if (array.bytes()) {
                values[i] = levels[(int) values[i]];
            } else if (!Double.isFinite(values[i])) {
                throw new DataFormatException(array.name(), "value " + i + " is " + values[i] + "; data must be finite");
            }
        }
        int[] shape = array.shape();
        return ImageArrays.dataset(array.name(), values, shape[0], Arrays.copyOfRange(shape, 1, shape.length), layout);
    }
}
