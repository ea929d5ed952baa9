package io.diffusim.model.data;

import static io.diffusim.model.data.FashionMnist.IMAGES_MAGIC;
import static io.diffusim.model.data.FashionMnist.LABELS_MAGIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import io.diffusim.config.DataSpec.Split;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fashion-MNIST IDX reading (docs/spec-reference.md data.kind = fashion-mnist): mapping, filtering and every file error. */
class FashionMnistTest {

    private static final byte[] LABELS = {3, 0, 3, 9, 1};
    private static final int COUNT = LABELS.length;
    private static final int PIXELS = 28 * 28;
    /** Header (16 bytes) plus the image bytes of the fixture's images file. */
    private static final long IMAGE_FILE_BYTES = 16 + (long) COUNT * PIXELS;
    private static final double PIXEL_TOL = 1e-12;
    private static final Path INSTALLED = Path.of("/usr/share/datasets/fashion-mnist");

    @TempDir
    Path dir;

    @Test
    void shouldReadGzipFilesMappingPixelsToTheScale() throws IOException {
        writeSet("train", ".gz", IdxFixtures.images(COUNT, 28, 28), LABELS);
        Dataset data = FashionMnist.read(dir, Split.TRAIN, 100, List.of(), -1, 1);
        assertThat(data.size()).isEqualTo(COUNT);
        assertThat(data.imageShape()).containsExactly(1, 28, 28);
        assertThat(data.labels()).containsExactly(3, 0, 3, 9, 1);
        // pixel p of image i is u = (31 i + p) mod 256, mapped to -1 + 2 u / 255
        assertThat(data.points().getDouble(0, 0)).isCloseTo(-1, offset(PIXEL_TOL));
        assertThat(data.points().getDouble(0, 255)).isCloseTo(1, offset(PIXEL_TOL));
        assertThat(data.points().getDouble(1, 0)).isCloseTo(-1 + 2 * 31 / 255.0, offset(PIXEL_TOL));
        assertThat(data.points().getDouble(4, PIXELS - 1)).isCloseTo(-1 + 2 * ((124 + PIXELS - 1) % 256) / 255.0,
                offset(PIXEL_TOL));
    }

    @Test
    void shouldReadUncompressedTestSplitFirstNToUnitScale() throws IOException {
        writeSet("t10k", "", IdxFixtures.images(COUNT, 28, 28), LABELS);
        Dataset data = FashionMnist.read(dir, Split.TEST, 2, List.of(), 0, 1);
        assertThat(data.size()).isEqualTo(2);
        assertThat(data.labels()).containsExactly(3, 0);
        assertThat(data.points().getDouble(0, 255)).isCloseTo(1, offset(PIXEL_TOL));
        assertThat(data.points().getDouble(1, 1)).isCloseTo(32 / 255.0, offset(PIXEL_TOL));
    }

    @Test
    void shouldKeepOnlyRequestedClassesInFileOrder() throws IOException {
        writeSet("train", ".gz", IdxFixtures.images(COUNT, 28, 28), LABELS);
        Dataset all = FashionMnist.read(dir, Split.TRAIN, COUNT, List.of(), -1, 1);
        Dataset threes = FashionMnist.read(dir, Split.TRAIN, COUNT, List.of(3), -1, 1);
        assertThat(threes.labels()).containsExactly(3, 3);
        assertThat(threes.points().getRow(1).toDoubleVector()).containsExactly(all.points().getRow(2).toDoubleVector());
        assertThatThrownBy(() -> FashionMnist.read(dir, Split.TRAIN, COUNT, List.of(5), -1, 1))
                .isInstanceOf(DataFormatException.class).hasMessageContaining("no images of classes [5]");
    }

    @Test
    void shouldNameThePackageAndTheSettingWhenTheDataSetIsAbsent() {
        Path absent = dir.resolve("no-such-dir");
        assertThatThrownBy(() -> FashionMnist.read(absent, Split.TRAIN, 1, List.of(), -1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(absent.toString())
                .hasMessageContaining("dataset-fashion-mnist")
                .hasMessageContaining("data.dir");
    }

    @Test
    void shouldRejectAWrongMagicNumberNamingTheFile() throws IOException {
        IdxFixtures.write(dir, "train-labels-idx1-ubyte.gz", IdxFixtures.idx(LABELS_MAGIC, new int[] {COUNT}, LABELS));
        IdxFixtures.write(dir, "train-images-idx3-ubyte.gz",
                IdxFixtures.idx(LABELS_MAGIC, new int[] {COUNT, 28, 28}, IdxFixtures.images(COUNT, 28, 28)));
        assertThatThrownBy(() -> FashionMnist.read(dir, Split.TRAIN, 1, List.of(), -1, 1))
                .isInstanceOf(DataFormatException.class).hasMessageContaining("train-images-idx3-ubyte.gz")
                .hasMessageContaining("not an IDX file of this kind (expected magic number 2051)")
                .as("the bytes found are not quoted").hasMessageNotContaining("2049");
    }

    @Test
    void shouldRejectWrongImageSizeAndMismatchedCounts() throws IOException {
        writeSet("train", ".gz", IdxFixtures.images(COUNT, 28, 27), LABELS, new int[] {COUNT, 28, 27});
        assertThatThrownBy(() -> FashionMnist.read(dir, Split.TRAIN, 1, List.of(), -1, 1))
                .isInstanceOf(DataFormatException.class).hasMessageContaining("28x27");
        writeSet("train", ".gz", IdxFixtures.images(COUNT, 28, 28), Arrays.copyOf(LABELS, COUNT - 1));
        assertThatThrownBy(() -> FashionMnist.read(dir, Split.TRAIN, 1, List.of(), -1, 1))
                .isInstanceOf(DataFormatException.class).hasMessageContaining("5 images but 4 labels");
    }

    @Test
    void shouldReportTruncatedPlainAndGzipContentInBytes() throws IOException {
        byte[] cut = Arrays.copyOf(IdxFixtures.images(COUNT, 28, 28), COUNT * PIXELS - 100);
        for (String suffix : new String[] {"", ".gz"}) {
            Files.deleteIfExists(dir.resolve("train-images-idx3-ubyte.gz"));
            writeSet("train", suffix, cut, LABELS, new int[] {COUNT, 28, 28});
            assertThatThrownBy(() -> FashionMnist.read(dir, Split.TRAIN, 100, List.of(), -1, 1))
                    .isInstanceOf(DataFormatException.class)
                    .hasMessageContaining("train-images-idx3-ubyte" + suffix + ": truncated")
                    .hasMessageContaining("expected " + IMAGE_FILE_BYTES + " bytes, found " + (IMAGE_FILE_BYTES - 100));
        }
    }

    @Test
    void shouldReportACutGzipStreamAndACutHeader() throws IOException {
        writeSet("train", ".gz", IdxFixtures.images(COUNT, 28, 28), LABELS);
        Path images = dir.resolve("train-images-idx3-ubyte.gz");
        byte[] compressed = Files.readAllBytes(images);
        Files.write(images, Arrays.copyOf(compressed, compressed.length / 2));
        assertThatThrownBy(() -> FashionMnist.read(dir, Split.TRAIN, 1, List.of(), -1, 1))
                .isInstanceOf(DataFormatException.class).hasMessageContaining("truncated")
                .hasMessageContaining("expected " + IMAGE_FILE_BYTES + " bytes");
        Files.write(images, Arrays.copyOf(IdxFixtures.idx(IMAGES_MAGIC, new int[] {COUNT, 28, 28}, new byte[0]), 10));
        assertThatThrownBy(() -> FashionMnist.read(dir, Split.TRAIN, 1, List.of(), -1, 1))
                .isInstanceOf(DataFormatException.class).hasMessageContaining("train-images-idx3-ubyte.gz")
                .hasMessageContaining("expected a header of 16 bytes, found 10");
    }

    @Test
    void shouldRejectTrailingBytesAndOutOfRangeLabels() throws IOException {
        writeSet("train", "", IdxFixtures.images(COUNT, 28, 28), new byte[] {3, 12, 0, 0, 0});
        assertThatThrownBy(() -> FashionMnist.read(dir, Split.TRAIN, 1, List.of(), -1, 1))
                .isInstanceOf(DataFormatException.class).hasMessageContaining("train-labels-idx1-ubyte")
                .hasMessageContaining("label 12 of item 1");
        byte[] longer = Arrays.copyOf(IdxFixtures.images(COUNT, 28, 28), COUNT * PIXELS + 3);
        writeSet("train", "", longer, LABELS, new int[] {COUNT, 28, 28});
        assertThatThrownBy(() -> FashionMnist.read(dir, Split.TRAIN, 1, List.of(), -1, 1))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("expected " + IMAGE_FILE_BYTES + " bytes, found " + (IMAGE_FILE_BYTES + 3));
    }

    @Test
    void shouldNameMissingFilesAndRejectBadArguments() throws IOException {
        assertThatThrownBy(() -> FashionMnist.read(dir, Split.TRAIN, 1, List.of(), -1, 1))
                .isInstanceOf(DataFormatException.class).hasMessageContaining("train-labels-idx1-ubyte.gz")
                .hasMessageContaining("no such file");
        writeSet("train", ".gz", IdxFixtures.images(COUNT, 28, 28), LABELS);
        assertThatIllegalArgumentException().isThrownBy(() -> FashionMnist.read(dir, Split.TRAIN, 1, List.of(10), -1, 1))
                .withMessageContaining("class 10");
        assertThatIllegalArgumentException().isThrownBy(() -> FashionMnist.read(dir, Split.TRAIN, 1, List.of(), 1, 1))
                .withMessageContaining("[1.0, 1.0]");
    }

    @Test
    void shouldReadTheInstalledTestSplit() {
        assertThat(INSTALLED).as("%s missing: Debian package dataset-fashion-mnist is not installed; bin/test installs it"
                + " (or: sudo apt-get install -y dataset-fashion-mnist)", INSTALLED).isDirectory();
        Dataset data = FashionMnist.read(INSTALLED, Split.TEST, 100_000, List.of(), -1, 1);
        // the published test split: 10,000 images, 1,000 per class, first labels ankle boot, pullover, trouser
        assertThat(data.size()).isEqualTo(10_000);
        assertThat(Arrays.copyOf(data.labels(), 5)).containsExactly(9, 2, 1, 1, 6);
        int[] perClass = new int[FashionMnist.CLASSES];
        Arrays.stream(data.labels()).forEach(label -> perClass[label]++);
        assertThat(perClass).containsOnly(1000);
        assertThat(data.points().minNumber().doubleValue()).isEqualTo(-1);
        assertThat(data.points().maxNumber().doubleValue()).isEqualTo(1);
    }

    private void writeSet(String prefix, String suffix, byte[] imageBody, byte[] labels) throws IOException {
        writeSet(prefix, suffix, imageBody, labels, new int[] {imageBody.length / PIXELS, 28, 28});
    }

    private void writeSet(String prefix, String suffix, byte[] imageBody, byte[] labels, int[] imageSizes)
            throws IOException {
        IdxFixtures.write(dir, prefix + "-labels-idx1-ubyte" + suffix,
                IdxFixtures.idx(LABELS_MAGIC, new int[] {labels.length}, labels));
        IdxFixtures.write(dir, prefix + "-images-idx3-ubyte" + suffix, IdxFixtures.idx(IMAGES_MAGIC, imageSizes, imageBody));
    }
}
