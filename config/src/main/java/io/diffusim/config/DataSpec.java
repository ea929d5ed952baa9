package io.diffusim.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The training / reference set of a run (docs/spec-reference.md {@code data}; generators in docs/science.md §7.1 and
 * §5.2): one record per kind, each with the number of points {@code n} and a disjoint {@link Subset}.
 */
public sealed interface DataSpec {

    /** The kinds of data set, spelled as in the spec ({@code fashion-mnist}, ...). */
    enum Kind { MOONS, DINO, CIRCLE, LINE, GMM, FASHION_MNIST, CSV, IDX, PNG, NPY }

    /** How a 4-dimensional array of images orders its axes: channels before or after the pixels. */
    enum Layout { NCHW, NHWC }

    /** The split of the Fashion-MNIST files. */
    enum Split { TRAIN, TEST }

    Kind kind();

    /** Points generated, or loaded (the first n). */
    int n();

    Subset subset();

    /** scikit-learn two moons (docs/science.md §7.1). */
    record Moons(int n, Subset subset) implements DataSpec {
        public Kind kind() {
            return Kind.MOONS;
        }
    }

    /** The Datasaurus dino (docs/science.md §7.1, Appendix A). */
    record Dino(int n, Subset subset) implements DataSpec {
        public Kind kind() {
            return Kind.DINO;
        }
    }

    /** The 17-cluster circle (docs/science.md §7.1). */
    record Circle(int n, Subset subset) implements DataSpec {
        public Kind kind() {
            return Kind.CIRCLE;
        }
    }

    /** Uniform on [-2, 2] x [-4, 4] (docs/science.md §7.1). */
    record Line(int n, Subset subset) implements DataSpec {
        public Kind kind() {
            return Kind.LINE;
        }
    }

    /**
     * A Gaussian mixture (docs/science.md §3.1), from explicit components or a named geometry (§5.2),
     * exactly one of the two; {@code dim} is the data dimension D (configurable for the high-dimensional geometries).
     */
    record Gmm(int n, Subset subset, List<GmmComponent> components, Optional<Geometry> geometry, int dim)
            implements DataSpec {
        public Gmm {
            components = List.copyOf(components);
            Objects.requireNonNull(geometry, "geometry");
        }

        public Kind kind() {
            return Kind.GMM;
        }
    }

    /** Fashion-MNIST images from IDX files in {@code dir}, optionally some classes only, pixels mapped to {@code scale}. */
    record FashionMnist(int n, Subset subset, Path dir, Split split, List<Integer> classes, Interval scale)
            implements DataSpec {
        public FashionMnist {
            Objects.requireNonNull(dir, "dir");
            classes = List.copyOf(classes);
        }

        public Kind kind() {
            return Kind.FASHION_MNIST;
        }
    }

    /** Points from a CSV file: header row, one column per dimension, optional {@code label}. */
    record Csv(int n, Subset subset, Path path) implements DataSpec {
        public Csv {
            Objects.requireNonNull(path, "path");
        }

        public Kind kind() {
            return Kind.CSV;
        }
    }

    /**
     * Images from one IDX file of unsigned bytes (MNIST, Fashion-MNIST or a user's own): {@code [n, H, W]} grey or
     * {@code [n, ...]} in {@code layout} for 4 dimensions; pixels u mapped to {@code scale} as for fashion-mnist.
     */
    record Idx(int n, Subset subset, Path path, Layout layout, Interval scale) implements DataSpec {
        public Idx {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(layout, "layout");
            Objects.requireNonNull(scale, "scale");
        }

        public Kind kind() {
            return Kind.IDX;
        }
    }

    /** Every {@code .png} of a folder in name order, grey or RGB and all of one size; pixels mapped to {@code scale}. */
    record Png(int n, Subset subset, Path dir, Interval scale) implements DataSpec {
        public Png {
            Objects.requireNonNull(dir, "dir");
            Objects.requireNonNull(scale, "scale");
        }

        public Kind kind() {
            return Kind.PNG;
        }
    }

    /**
     * One NumPy {@code .npy} array: {@code [n, D]} points, {@code [n, H, W]} grey images or 4-dimensional images in
     * {@code layout}; bytes ({@code |u1}) are mapped to {@code scale}, floats are taken as they are.
     */
    record Npy(int n, Subset subset, Path path, Layout layout, Interval scale) implements DataSpec {
        public Npy {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(layout, "layout");
            Objects.requireNonNull(scale, "scale");
        }

        public Kind kind() {
            return Kind.NPY;
        }
    }

    /** A closed interval {@code [lo, hi]}, {@code lo < hi}, written {@code [lo, hi]} in the spec. */
    record Interval(double lo, double hi) {
    }
}
