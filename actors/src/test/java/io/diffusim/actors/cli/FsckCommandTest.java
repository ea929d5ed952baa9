package io.diffusim.actors.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffusim.actors.store.ChronicleRunStore;
import io.diffusim.actors.store.StoreSizing;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/user-guide.md, fsck: exit 0 when all is intact, 1 naming what is damaged, 2 for a directory with no store. */
class FsckCommandTest {

    @TempDir
    Path dataDir;

    @Test
    void shouldReportIntactFilesAndADamagedRunOutput() throws Exception {
        ChronicleRunStore.open(dataDir, new StoreSizing(16, 4L << 20, 1000)).close();
        Path run = Files.createDirectories(dataDir.resolve("runs/r1"));
        byte[] samples = "x0,x1\n0.5,-0.25\n".getBytes(StandardCharsets.UTF_8);
        Files.write(run.resolve("samples.csv"), samples);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(samples));
        Files.writeString(run.resolve("checksums.sha256"), sha + "  samples.csv\n");

        Cli intact = Cli.run("fsck", "--data-dir", dataDir.toString());
        assertThat(intact.exitCode()).as(intact.err()).isEqualTo(ExitCode.OK);
        assertThat(intact.out()).contains(run + ": intact, every file matches checksums.sha256").endsWith("all intact\n");

        Files.writeString(run.resolve("samples.csv"), "x0,x1\n9.5,-0.25\n");
        Cli damaged = Cli.run("fsck", "--data-dir", dataDir.toString());
        assertThat(damaged.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(damaged.out()).contains(run + ": DAMAGED, samples.csv of " + run + " is damaged")
                .endsWith("1 damaged\n");
    }

    @Test
    void shouldRefuseADirectoryWithoutAStore() {
        Cli result = Cli.run("fsck", "--data-dir", dataDir.resolve("nothing").toString());
        assertThat(result.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(result.errLines()).singleElement().asString().contains("no state store in");
    }
}
