package io.diffusim.actors.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dashboard.url holds the token, so only the data directory's owner may read it. */
class DashboardLinkTest {

    @TempDir
    Path dir;

    @Test
    void theLinkIsWrittenForItsOwnerOnlyAndReplacedByTheNextStart() throws IOException {
        DashboardLink.write(dir, "http://127.0.0.1:1/login?token=a");
        DashboardLink.write(dir, "http://127.0.0.1:2/login?token=b");
        Path link = dir.resolve(DashboardLink.NAME);
        assertThat(Files.readString(link)).isEqualTo("http://127.0.0.1:2/login?token=b\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(link))).isEqualTo("rw-------");
        try (var files = Files.list(dir)) {
            assertThat(files).as("no temporary file left").containsExactly(link);
        }
    }
}
