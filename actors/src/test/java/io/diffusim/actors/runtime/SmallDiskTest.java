package io.diffusim.actors.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.diffusim.actors.protocol.FrontDoorCommand.Action;
import io.diffusim.actors.protocol.FrontDoorCommand.RunStatus;
import io.diffusim.actors.store.ChronicleRunStore;
import io.diffusim.actors.store.StoreSizing;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/user-guide.md, "disk full", on a real file system: the Chronicle Map store on a 48 MB tmpfs, filled but for a
 * little less than the headroom. The first checkpoint pauses the run with the free space measured there (no write
 * reaches the mapped files, so no SIGBUS), the daemon keeps answering, and after the filler is deleted resume
 * finishes the run with the samples of an undisturbed one. Needs root for the mount; {@link DiskFullTest} shows the
 * same with a store whose free space and failures are injected.
 */
class SmallDiskTest {

    private static final long MB = 1L << 20;
    private static final long HEADROOM = 16 * MB;
    private static final String SPEC = RunSpecs.MOONS_DDPM.formatted(5).replace("timesteps = 20", "timesteps = 400")
            .replace("name = \"moons-ddpm\"", "name = \"small-disk\"");

    @TempDir
    Path dir;

    private Path mount;

    @AfterEach
    void unmount() throws Exception {
        if (mount != null) {
            new ProcessBuilder("umount", mount.toString()).inheritIO().start().waitFor();
        }
    }

    @Test
    void shouldPauseOnAFullTmpfsAndResumeOnceSpaceIsFreed() throws Exception {
        Path tmpfs = Files.createDirectories(dir.resolve("tmpfs"));
        Process mounting = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=48m", "tmpfs", tmpfs.toString())
                .redirectErrorStream(true).start();
        assumeTrue(mounting.waitFor() == 0, "mounting a tmpfs needs root: " + new String(mounting.getInputStream()
                .readAllBytes()));
        mount = tmpfs;
        Path dataDir = tmpfs.resolve("data");
        DaemonSettings defaults = new DaemonSettings(8192, 8, dataDir.resolve("runs"));
        DaemonSettings settings = new DaemonSettings(8192, 8, dataDir.resolve("runs"), 10_000, 3,
                defaults.memoryLimit(), List.of(), HEADROOM);
        try (ChronicleRunStore store = ChronicleRunStore.open(dataDir, new StoreSizing(50, 16 * MB, 10_000));
                DaemonFixture daemon = DaemonFixture.start(store, settings, List.of())) {
            Path filler = tmpfs.resolve("filler");
            long leave = HEADROOM - 4 * MB;
            fill(filler, store.usableBytes() - leave);
            long free = store.usableBytes();
            System.out.printf("tmpfs: %d MB free after the filler (headroom %d MB)%n", free / MB, HEADROOM / MB);

            String id = daemon.submit(SPEC);
            RunStatus paused = daemon.await(id, s -> s.state().equals("paused") || s.ended());
            assertThat(paused.state()).isEqualTo("paused");
            assertThat(paused.reason()).startsWith("disk full: " + free / MB + " MB free on " + dataDir.resolve("store")
                    + ", need 17 MB");
            assertThat(daemon.list()).extracting(RunStatus::state).containsExactly("paused");

            Files.delete(filler);
            assertThat(daemon.control(id, Action.RESUME).state()).isEqualTo("running");
            assertThat(daemon.awaitEnd(id).state()).isEqualTo("done");
            Path out = dir.resolve("export");
            daemon.export(id, out);
            assertThat(Files.readAllBytes(out.resolve("samples.csv")))
                    .isEqualTo(RunSpecs.localSamples(SPEC, dir.resolve("local")));
        }
    }

    /** Writes {@code bytes} of real (not sparse) data. */
    private static void fill(Path file, long bytes) throws IOException {
        byte[] block = new byte[1 << 20];
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            for (long written = 0; written < bytes; written += block.length) {
                out.write(block, 0, (int) Math.min(block.length, bytes - written));
            }
        }
    }
}
