package io.diffusim.actors.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * {@code <data-dir>/dashboard.url}: the dashboard's login link (it holds the token), readable by the data
 * directory's owner only, for whoever lost the line the daemon printed. Each daemon start writes a new one.
 */
public final class DashboardLink {

    public static final String NAME = "dashboard.url";

    private DashboardLink() {
    }

    public static void write(Path dataDir, String loginUrl) {
        Path temp = dataDir.resolve(NAME + ".tmp-" + ProcessHandle.current().pid());
        try {
            Files.deleteIfExists(temp);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(temp, loginUrl + "\n", StandardCharsets.UTF_8);
            Files.move(temp, dataDir.resolve(NAME), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dataDir.resolve(NAME) + ": " + e.getMessage(), e);
        }
    }
}
