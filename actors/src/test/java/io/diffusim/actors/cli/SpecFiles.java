package io.diffusim.actors.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small input files for the CLI tests: specs and point sets. */
final class SpecFiles {

    private SpecFiles() {
    }

    static Path write(Path dir, String name, String text) {
        try {
            Path file = dir.resolve(name);
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A CSV with header x0..x{d-1} and one row per point. */
    static Path points(Path dir, String name, double[][] points) {
        StringBuilder text = new StringBuilder();
        for (int j = 0; j < points[0].length; j++) {
            text.append(j == 0 ? "" : ",").append("x").append(j);
        }
        text.append('\n');
        for (double[] row : points) {
            for (int j = 0; j < row.length; j++) {
                text.append(j == 0 ? "" : ",").append(row[j]);
            }
            text.append('\n');
        }
        return write(dir, name, text.toString());
    }

    /** Dimension of the K10 single point (docs/science.md §8): a CIFAR-10-sized image, 3 x 32 x 32. */
    static final int K10_DIMENSION = 3072;
    /** The K10 point's pixel magnitude; s = ||x||^2 / D = 0.506^2. */
    static final double K10_PIXEL = 0.506;

    /** The K10 point x = 0.506 (+1, -1, +1, -1, ...). */
    static double[] k10Point() {
        double[] x = new double[K10_DIMENSION];
        for (int i = 0; i < x.length; i++) {
            x[i] = i % 2 == 0 ? K10_PIXEL : -K10_PIXEL;
        }
        return x;
    }

    /**
     * The K10 spec (docs/science.md §8): flow matching on the single point {@link #k10Point()} with the optimal
     * empirical denoiser, one particle and no analyses block, so that the default kNN KL cannot apply.
     */
    static Path k10Spec(Path dir) {
        points(dir, "k10-point.csv", new double[][] {k10Point()});
        return write(dir, "k10.conf", """
                run {
                  particles = 1
                  data { kind = csv, path = "k10-point.csv" }
                  process { kind = fm }
                  model { kind = empirical }
                  sampler { kind = fm-euler }
                }
                """);
    }
}
