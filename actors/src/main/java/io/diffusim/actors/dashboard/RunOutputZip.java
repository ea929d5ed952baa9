package io.diffusim.actors.dashboard;

import io.diffusim.actors.runtime.OutputChecksums;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A done run's output directory (docs/user-guide.md layout) as one zip, entries named as in the directory under a
 * folder named after the run: what {@code export} copies, for a browser. Outputs are a few megabytes, so in memory.
 */
final class RunOutputZip {

    private RunOutputZip() {
    }

    /** @throws IllegalStateException naming a file whose bytes changed since the run ended */
    static byte[] of(Path directory) {
        OutputChecksums.verify(directory);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> walk = Files.walk(directory)) {
            List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
            String folder = directory.getFileName() + "/";
            for (Path file : files) {
                zip.putNextEntry(new ZipEntry(folder + directory.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot zip " + directory + ": " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }
}
