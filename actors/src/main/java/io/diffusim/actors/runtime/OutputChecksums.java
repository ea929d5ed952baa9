package io.diffusim.actors.runtime;

import io.diffusim.actors.store.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code checksums.sha256} of a done run's output directory: the SHA-256 of every file, written when the run ends
 * and checked before the daemon hands the directory out (export, the dashboard's zip), so a damaged file is an error
 * naming it instead of garbage returned as "done". The format is {@code sha256sum}'s, so {@code sha256sum -c} reads it.
 */
public final class OutputChecksums {

    static final String FILE = "checksums.sha256";

    private OutputChecksums() {
    }

    static void write(Path directory) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (Path file : files(directory)) {
            lines.append(sha256(file)).append("  ").append(relative(directory, file)).append('\n');
        }
        Files.writeString(directory.resolve(FILE), lines, StandardCharsets.UTF_8);
    }

    /**
     * Checks every file the list names; a directory written before checksums existed has no list and passes.
     *
     * @throws IllegalStateException naming the first file that is missing or whose bytes changed
     */
    public static void verify(Path directory) {
        Path list = directory.resolve(FILE);
        if (!Files.isRegularFile(list)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
                int gap = line.indexOf("  ");
                if (gap != 64) {
                    throw new IllegalStateException(FILE + " of " + directory + " is damaged (a line is not 'sha256  file')");
                }
                String name = line.substring(gap + 2);
                Path file = directory.resolve(name).normalize();
                if (!file.startsWith(directory) || !Files.isRegularFile(file)) {
                    throw new IllegalStateException(name + " of " + directory + " is missing");
                }
                if (!sha256(file).equals(line.substring(0, gap))) {
                    throw new IllegalStateException(name + " of " + directory + " is damaged: its SHA-256 differs from"
                            + " the one written when the run ended (" + FILE + ")");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check " + directory + ": " + e.getMessage(), e);
        }
    }

    private static List<Path> files(Path directory) throws IOException {
        try (Stream<Path> walk = Files.walk(directory)) {
            return new ArrayList<>(walk.filter(Files::isRegularFile)
                    .filter(f -> !f.equals(directory.resolve(FILE))).sorted().toList());
        }
    }

    private static String relative(Path directory, Path file) {
        return directory.relativize(file).toString().replace('\\', '/');
    }

    private static String sha256(Path file) throws IOException {
        return Sha256.of(file);
    }
}
