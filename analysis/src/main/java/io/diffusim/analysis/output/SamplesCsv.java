package io.diffusim.analysis.output;

import io.diffusim.analysis.Matrices;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Writes {@code samples.csv} (docs/user-guide.md "The output directory"): header {@code x0,...,x{d-1}[,label]}, one row per
 * particle in particle order, values printed by {@link Double#toString} so they parse back to the same doubles.
 */
public final class SamplesCsv {

    private SamplesCsv() {
    }

    /** Writes {@code samples [n, d]} (any float type; converted to double) with optional labels. */
    public static void write(Path file, INDArray samples, int[] labels) throws IOException {
        write(file, Matrices.toMatrix(samples, "samples"), labels);
    }

    /** Writes {@code samples [n][d]} with optional {@code labels} (one per row, or null). */
    public static void write(Path file, double[][] samples, int[] labels) throws IOException {
        int d = Matrices.requireRectangular(samples, "samples");
        if (labels != null && labels.length != samples.length) {
            throw new IllegalArgumentException("labels (" + labels.length + ") do not match samples (" + samples.length + ")");
        }
        OutputFiles.createParent(file);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(String.join(",", PointsCsv.coordinateNames(d)));
            out.write(labels == null ? "\n" : "," + PointsCsv.LABEL_COLUMN + "\n");
            StringBuilder row = new StringBuilder();
            for (int i = 0; i < samples.length; i++) {
                row.setLength(0);
                for (int j = 0; j < d; j++) {
                    row.append(j == 0 ? "" : ",").append(samples[i][j]);
                }
                if (labels != null) {
                    row.append(',').append(labels[i]);
                }
                out.write(row.append('\n').toString());
            }
        }
    }
}
