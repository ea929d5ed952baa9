package io.diffusim.actors.stream;

import io.aeron.CommonContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.agrona.IoUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The media-driver directories ({@code diffusim-*} in /dev/shm) that killed daemons left behind: each embedded driver
 * writes its pid into {@value #OWNER_FILE} in its directory, and a daemon starting removes every such directory of
 * its own user whose pid no longer runs and whose driver has stopped beating, so crashed daemons of any data directory
 * do not fill /dev/shm. A directory without the file (an external driver's, or one this code did not make) is left.
 */
final class StaleAeronDirectories {

    static final String OWNER_FILE = "diffusim-owner.pid";

    private static final Logger LOG = LoggerFactory.getLogger(StaleAeronDirectories.class);
    private static final String PREFIX = "diffusim-";
    private static final long DRIVER_TIMEOUT_MS = 10_000;

    private StaleAeronDirectories() {
    }

    /** Records this process as the owner of the driver directory {@code dir}. */
    static void claim(Path dir) {
        try {
            Files.writeString(dir.resolve(OWNER_FILE), ProcessHandle.current().pid() + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(OWNER_FILE), e);
        }
    }

    /** Removes the stale directories under {@code parent} (except {@code keep}); returns those removed. */
    static List<Path> sweep(Path parent, Path keep) {
        List<Path> removed = new ArrayList<>();
        if (!Files.isDirectory(parent)) {
            return removed;
        }
        try (Stream<Path> dirs = Files.list(parent)) {
            for (Path dir : dirs.filter(d -> d.getFileName().toString().startsWith(PREFIX)).toList()) {
                if (!dir.equals(keep) && stale(dir)) {
                    IoUtil.delete(dir.toFile(), true);
                    removed.add(dir);
                    LOG.info("removed the media driver directory {} of a daemon that no longer runs", dir);
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot look for stale media driver directories in {}: {}", parent, e.getMessage());
        }
        return removed;
    }

    private static boolean stale(Path dir) {
        Path owner = dir.resolve(OWNER_FILE);
        try {
            if (!Files.isDirectory(dir) || !Files.isRegularFile(owner) || !ours(dir)) {
                return false;
            }
            long pid = Long.parseLong(Files.readString(owner, StandardCharsets.US_ASCII).strip());
            boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            return !alive && !CommonContext.isDriverActive(dir.toFile(), DRIVER_TIMEOUT_MS, message -> { });
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    private static boolean ours(Path dir) throws IOException {
        return Files.getOwner(dir).getName().equals(System.getProperty("user.name"));
    }
}
