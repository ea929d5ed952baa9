package io.diffusim.model.data;

import io.diffusim.config.DataSpec.Layout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Images (or points) from one IDX file of unsigned bytes of any shape (docs/spec-reference.md {@code data.kind = idx}):
 * MNIST, Fashion-MNIST or a user's own; the first n items, pixels u mapped to {@code lo + (hi - lo) u / 255}. The
 * header, the sizes and the file's length are checked, so that truncation or trailing bytes are named errors.
 */
public final class IdxImages {

    private IdxImages() {
    }

    /** The first n items (fewer if the file has fewer). */
    public static Dataset read(Path file, int n, Layout layout, double lo, double hi, DataFiles files) {
        Points.requireCount(n);
        double[] levels = ImageArrays.byteLevels(lo, hi);
        try (IdxFile idx = IdxFile.open(file, files)) {
            int[] sizes = idx.sizes();
            if (sizes.length < 2) {
                throw new DataFormatException(idx.name(), "a 1-dimensional IDX file (labels?); expected [n, D], [n, H, W] or 4 dimensions");
            }
            int[] item = Arrays.copyOfRange(sizes, 1, sizes.length);
            int items = Math.min(n, sizes[0]);
            byte[] bytes = new byte[ImageArrays.valueCount(idx.name(), items, item)];
            idx.readFully(bytes);
            idx.finish();
            double[] values = new double[bytes.length];
            for (int i = 0; i < bytes.length; i++) {
                values[i] = levels[bytes[i] & 0xff];
            }
            return ImageArrays.dataset(idx.name(), values, items, item, layout);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
