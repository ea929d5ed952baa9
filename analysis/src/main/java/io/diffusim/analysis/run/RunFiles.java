package io.diffusim.analysis.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The paths of a run's output directory (docs/user-guide.md layout); {@link #prepare} clears a previous run's files. */
public record RunFiles(Path dir) {

    public Path spec() {
        return dir.resolve("spec.conf");
    }

    public Path manifest() {
        return dir.resolve("manifest.json");
    }

    public Path samples() {
        return dir.resolve("samples.csv");
    }

    public Path metrics() {
        return dir.resolve("metrics.csv");
    }

    public Path summary() {
        return dir.resolve("summary.json");
    }

    public Path plots() {
        return dir.resolve("plots");
    }

    /** Creates the directory and plots/, removing the files an earlier run into the same place wrote. */
    public static RunFiles prepare(Path dir) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--out " + dir + " exists and is not a directory");
        }
        RunFiles files = new RunFiles(dir);
        Files.createDirectories(files.plots());
        for (Path file : new Path[] {files.spec(), files.manifest(), files.samples(), files.metrics(), files.summary()}) {
            Files.deleteIfExists(file);
        }
        try (var pngs = Files.newDirectoryStream(files.plots(), "*.png")) {
            for (Path png : pngs) {
                Files.delete(png);
            }
        }
        return files;
    }
}
