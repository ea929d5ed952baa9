package io.diffusim.actors.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A daemon starting removes the media-driver directories of daemons that died (their recorded pid gone, no driver
 * beating), and leaves every other directory: a live daemon's, one without an owner file, one not named diffusim-*.
 */
class StaleAeronDirectoriesTest {

    @TempDir
    Path shm;

    private Path driverDirectory(String name, Long ownerPid) throws Exception {
        Path dir = Files.createDirectories(shm.resolve(name));
        Files.writeString(dir.resolve("cnc.dat"), "");
        if (ownerPid != null) {
            Files.writeString(dir.resolve(StaleAeronDirectories.OWNER_FILE), ownerPid + "\n");
        }
        return dir;
    }

    @Test
    void shouldRemoveOnlyTheDirectoriesOfDeadDaemons() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path dead = driverDirectory("diffusim-dead", gone.pid());
        Path live = driverDirectory("diffusim-live", ProcessHandle.current().pid());
        Path unowned = driverDirectory("diffusim-unowned", null);
        Path foreign = driverDirectory("other-dead", gone.pid());
        Path mine = driverDirectory("diffusim-mine", gone.pid());

        assertThat(StaleAeronDirectories.sweep(shm, mine)).containsExactly(dead);
        assertThat(dead).doesNotExist();
        assertThat(live).exists();
        assertThat(unowned).exists();
        assertThat(foreign).exists();
        assertThat(mine).as("the directory the new driver is about to clean and use").exists();
    }

    @Test
    void shouldClaimTheDirectoryOfTheDriverItLaunched() throws Exception {
        Path dir = Files.createDirectories(shm.resolve("diffusim-claimed"));
        StaleAeronDirectories.claim(dir);
        assertThat(Files.readString(dir.resolve(StaleAeronDirectories.OWNER_FILE)).strip())
                .isEqualTo(Long.toString(ProcessHandle.current().pid()));
    }
}
