package io.diffusim.model.data;

import io.diffusim.config.DataSpec.Split;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Fashion-MNIST from its IDX files (plain or gzip; docs/spec-reference.md {@code data.kind = fashion-mnist}): the first n images
 * of the chosen classes, pixels u in 0..255 mapped to {@code lo + (hi - lo) u / 255}, shape (1, 28, 28).
 */
public final class FashionMnist {

    /** Magic number of an IDX image file (unsigned bytes, 3 dimensions). */
    public static final int IMAGES_MAGIC = 2051;
    /** Magic number of an IDX label file (unsigned bytes, 1 dimension). */
    public static final int LABELS_MAGIC = 2049;
    /** Image side in pixels. */
    public static final int SIDE = 28;
    /** Number of classes. */
    public static final int CLASSES = 10;

    private static final int PIXELS = SIDE * SIDE;
    /** Guards the label buffer against a corrupt item count (Fashion-MNIST has 60,000). */
    private static final int MAX_ITEMS = 1 << 24;

    private FashionMnist() {
    }

    /** The first n images (fewer if the split has fewer) whose label is in {@code classes} (empty: all classes). */
    public static Dataset read(Path dir, Split split, int n, List<Integer> classes, double lo, double hi) {
        return read(dir, split, n, classes, lo, hi, DataFiles.anywhere());
    }

    /** As {@link #read(Path, Split, int, List, double, double)}, the files opened through {@code files}. */
    public static Dataset read(Path dir, Split split, int n, List<Integer> classes, double lo, double hi,
            DataFiles files) {
        Points.requireCount(n);
        if (!(lo < hi) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
            throw new IllegalArgumentException("pixel scale must be finite with lo < hi, got [" + lo + ", " + hi + "]");
        }
        boolean[] wanted = wantedClasses(classes);
        String prefix = split == Split.TRAIN ? "train" : "t10k";
        requirePresent(dir);
        files.requireDirectory(dir);
        int[] labels = readLabels(dir, prefix + "-labels-idx1-ubyte", files);
        double[] pixelValue = new double[256];
        Arrays.setAll(pixelValue, u -> lo + (hi - lo) * u / 255.0);
        try (IdxFile images = IdxFile.open(dir, prefix + "-images-idx3-ubyte", IMAGES_MAGIC, files)) {
            int[] sizes = images.sizes();
            if (sizes[1] != SIDE || sizes[2] != SIDE) {
                throw new DataFormatException(images.name(), "images are " + sizes[1] + "x" + sizes[2]
                        + ", expected " + SIDE + "x" + SIDE);
            }
            if (sizes[0] != labels.length) {
                throw new DataFormatException(images.name(), sizes[0] + " images but " + labels.length + " labels");
            }
            int capacity = Math.min(n, labels.length);
            double[] points = new double[capacity * PIXELS];
            int[] kept = new int[capacity];
            byte[] image = new byte[PIXELS];
            int m = 0;
            for (int i = 0; i < labels.length && m < n; i++) {
                images.readFully(image);
                if (wanted[labels[i]]) {
                    for (int p = 0; p < PIXELS; p++) {
                        points[m * PIXELS + p] = pixelValue[image[p] & 0xff];
                    }
                    kept[m++] = labels[i];
                }
            }
            images.finish();
            if (m == 0) {
                throw new DataFormatException(images.name(), "no images of classes " + classes);
            }
            return new Dataset("fashion-mnist-" + prefix, Points.matrix(Arrays.copyOf(points, m * PIXELS), m, PIXELS),
                    Arrays.copyOf(kept, m), new int[] {1, SIDE, SIDE});
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Fashion-MNIST images in " + dir, e);
        }
    }

    /** A missing directory is a set-up step not yet taken, so the message says how to take it. */
    private static void requirePresent(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("Fashion-MNIST is not installed: " + dir + " does not exist;"
                    + " install the Debian package dataset-fashion-mnist (apt-get install dataset-fashion-mnist),"
                    + " or set data.dir to a directory holding its IDX files");
        }
    }

    private static int[] readLabels(Path dir, String base, DataFiles files) {
        try (IdxFile file = IdxFile.open(dir, base, LABELS_MAGIC, files)) {
            int count = file.sizes()[0];
            if (count > MAX_ITEMS) {
                throw new DataFormatException(file.name(),
                        "header declares " + count + " labels, more than " + MAX_ITEMS);
            }
            byte[] bytes = new byte[count];
            file.readFully(bytes);
            file.finish();
            int[] labels = new int[bytes.length];
            for (int i = 0; i < bytes.length; i++) {
                labels[i] = bytes[i] & 0xff;
                if (labels[i] >= CLASSES) {
                    throw new DataFormatException(file.name(), "label " + labels[i] + " of item " + i
                            + " is outside 0.." + (CLASSES - 1));
                }
            }
            return labels;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Fashion-MNIST labels in " + dir, e);
        }
    }

    private static boolean[] wantedClasses(List<Integer> classes) {
        boolean[] wanted = new boolean[CLASSES];
        Arrays.fill(wanted, classes.isEmpty());
        for (int c : classes) {
            if (c < 0 || c >= CLASSES) {
                throw new IllegalArgumentException("class " + c + " is outside 0.." + (CLASSES - 1));
            }
            wanted[c] = true;
        }
        return wanted;
    }
}
