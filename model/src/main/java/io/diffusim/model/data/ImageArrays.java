package io.diffusim.model.data;

import io.diffusim.config.DataSpec.Layout;
import java.util.Arrays;

/**
 * Items of an array file as a data set (docs/spec-reference.md {@code data.kind = idx | npy}): an item of one axis is a
 * point of D coordinates, of two axes a grey image {@code (H, W)}, of three axes an image in the spec's layout
 * ({@code (C, H, W)} or {@code (H, W, C)}), stored channel-major as {@link Dataset} wants.
 */
final class ImageArrays {

    private ImageArrays() {
    }

    /** The data set of {@code n} items of shape {@code item}, values item after item in the file's (row-major) order. */
    static Dataset dataset(String name, double[] values, int n, int[] item, Layout layout) {
        int size = Math.toIntExact(Arrays.stream(item).asLongStream().reduce(1, (a, b) -> a * b));
        if (item.length == 0 || item.length > 3) {
            throw new DataFormatException(name, "an array of " + (item.length + 1) + " dimensions; expected [n, D], [n, H, W]"
                    + " or [n, C, H, W] / [n, H, W, C]");
        }
        if (n == 0 || size == 0) {
            throw new DataFormatException(name, "no data: shape [" + n + ", " + joined(item) + "]");
        }
        if (item.length == 1) {
            return new Dataset(name, Points.matrix(values, n, size), null, null);
        }
        if (item.length == 2) {
            return new Dataset(name, Points.matrix(values, n, size), null, new int[] {1, item[0], item[1]});
        }
        if (layout == Layout.NCHW) {
            return new Dataset(name, Points.matrix(values, n, size), null, item.clone());
        }
        int h = item[0];
        int w = item[1];
        int c = item[2];
        double[] channelMajor = new double[values.length];
        for (int i = 0; i < n; i++) {
            int base = i * size;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    for (int k = 0; k < c; k++) {
                        channelMajor[base + (k * h + y) * w + x] = values[base + (y * w + x) * c + k];
                    }
                }
            }
        }
        return new Dataset(name, Points.matrix(channelMajor, n, size), null, new int[] {c, h, w});
    }

    /** The number of values of {@code n} items, refused when it exceeds a Java array. */
    static int valueCount(String name, long n, int[] item) {
        long count = n;
        for (int size : item) {
            count *= size;
            if (count > Integer.MAX_VALUE - 8) {
                throw new DataFormatException(name, "the first " + n + " items hold more values than one array may");
            }
        }
        return (int) count;
    }

    /** {@code lo + (hi - lo) u / 255} for each byte value u. */
    static double[] byteLevels(double lo, double hi) {
        if (!(lo < hi) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
            throw new IllegalArgumentException("pixel scale must be finite with lo < hi, got [" + lo + ", " + hi + "]");
        }
        double[] levels = new double[256];
        Arrays.setAll(levels, u -> lo + (hi - lo) * u / 255.0);
        return levels;
    }

    private static String joined(int[] item) {
        return String.join(", ", Arrays.stream(item).mapToObj(Integer::toString).toList());
    }
}
