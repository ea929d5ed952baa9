package io.diffusim.model.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/security.md, inputs: a confined {@link DataFiles} opens only regular files under its roots, links followed, up
 * to a size; every refusal names the path and never what the file holds.
 */
class DataFilesTest {

    private static final String SECRET = "root:$6$secret-hash:19000:0:99999:7:::";

    @TempDir
    Path dir;

    private DataFiles confinedTo(Path root) {
        return DataFiles.within(List.of(root), "the setting lists more");
    }

    private Path secretOutside() throws IOException {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        return Files.writeString(outside.resolve("shadow"), SECRET + "\n");
    }

    @Test
    void shouldReadAFileInsideItsRoot() throws IOException {
        Path root = Files.createDirectories(dir.resolve("root"));
        Files.writeString(root.resolve("points.csv"), "x0,x1\n1,2\n3,4\n");
        assertThat(CsvDataset.read(root.resolve("points.csv"), 10, confinedTo(root)).size()).isEqualTo(2);
    }

    @Test
    void shouldRefuseAPathThatClimbsOutOfItsRootWithoutQuotingTheFile() throws IOException {
        Path root = Files.createDirectories(dir.resolve("root"));
        secretOutside();
        Path climbing = root.resolve("../outside/shadow");
        assertThatThrownBy(() -> CsvDataset.read(climbing, 10, confinedTo(root)))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(climbing + ": outside the directories data may be read from (" + root.toRealPath()
                        + "); the setting lists more")
                .hasMessageNotContaining("secret");
    }

    @Test
    void shouldRefuseALinkInsideItsRootToAFileOutside() throws IOException {
        Path root = Files.createDirectories(dir.resolve("root"));
        Path link = Files.createSymbolicLink(root.resolve("innocent.csv"), secretOutside());
        assertThatThrownBy(() -> CsvDataset.read(link, 10, confinedTo(root)))
                .hasMessageStartingWith(link + ": outside the directories").hasMessageNotContaining("secret");
    }

    @Test
    void shouldRefuseDevicesAndPipesEvenUnconfined() throws Exception {
        assertThatThrownBy(() -> CsvDataset.read(Path.of("/dev/zero"), 10))
                .hasMessage("/dev/zero: not a regular file (a directory, device or pipe)");
        Path fifo = dir.resolve("fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mkfifo.waitFor()).isZero();
        // refused before it is opened: opening a pipe with no writer would block
        assertThatThrownBy(() -> CsvDataset.read(fifo, 10, confinedTo(dir)))
                .hasMessage(fifo + ": not a regular file (a directory, device or pipe)");
    }

    @Test
    void shouldRefuseAFileOverTheReadersLimit() throws IOException {
        Path file = Files.write(dir.resolve("big.bin"), new byte[1001]);
        assertThatThrownBy(() -> confinedTo(dir).open(file, 1000).close())
                .hasMessage(file + ": 1001 bytes: this data file may have at most 1000 bytes");
        confinedTo(dir).open(file, 1001).close();
    }

    @Test
    void shouldRefuseAFashionMnistDirectoryOutsideItsRoots() throws IOException {
        Path root = Files.createDirectories(dir.resolve("root"));
        Path images = Files.createDirectories(dir.resolve("elsewhere"));
        assertThatThrownBy(() -> FashionMnist.read(images, io.diffusim.config.DataSpec.Split.TRAIN, 10, List.of(), -1, 1,
                confinedTo(root))).hasMessageStartingWith(images + ": outside the directories");
    }

    @Test
    void shouldNotQuoteAFileThatIsNotIdx() throws IOException {
        Path fake = Files.createDirectories(dir.resolve("fake"));
        Files.writeString(fake.resolve("train-labels-idx1-ubyte"), SECRET);
        assertThatThrownBy(() -> FashionMnist.read(fake, io.diffusim.config.DataSpec.Split.TRAIN, 10, List.of(), -1, 1,
                confinedTo(dir))).hasMessage(fake.resolve("train-labels-idx1-ubyte")
                        + ": not an IDX file of this kind (expected magic number 2049)");
    }
}
