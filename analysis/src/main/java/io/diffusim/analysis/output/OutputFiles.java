package io.diffusim.analysis.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small file-system helpers shared by the run-directory writers. */
public final class OutputFiles {

    private OutputFiles() {
    }

    /** Creates the parent directory of {@code file} if it is missing. */
    public static void createParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }
}
