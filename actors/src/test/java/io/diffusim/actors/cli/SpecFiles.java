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
}
