package io.diffusim.actors.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code <data-dir>/store/damaged/}: where a store file that cannot be opened is moved at start-up (docs/user-guide.md,
 * fsck), named with the time it was set aside, so the daemon starts with the other files' runs and the damaged bytes
 * stay for whoever wants to look at them. Nothing in the folder is read again.
 */
final class DamagedFiles {

    static final String DIR = "damaged";

    private static final Logger LOG = LoggerFactory.getLogger(DamagedFiles.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private DamagedFiles() {
    }

    /** Moves store file {@code name} aside and returns the line saying so (also logged). */
    static String setAside(StoreFiles files, String name, Throwable why) {
        Path from = files.file(name);
        Path dir = files.dir().resolve(DIR);
        Path to = dir.resolve(name + "." + STAMP.format(Instant.now()));
        try {
            Files.createDirectories(dir);
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set the damaged store file " + from + " aside", e);
        }
        String line = "store file " + from + " could not be opened (" + reason(why) + "); it was moved to " + to
                + " and made anew: the runs it held are gone, the other files' runs load (bin/diffusim fsck)";
        LOG.error(line);
        return line;
    }

    private static String reason(Throwable why) {
        Throwable root = why;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.replaceAll("\\s+", " ");
    }
}
