package io.diffusim.model.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.diffusim.config.DataSpec.Layout;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IDX files of any shape, PNG folders and .npy arrays as data sets (docs/spec-reference.md data.kind = idx | png | npy). */
class ImageFilesTest {

    private static final DataFiles ANYWHERE = DataFiles.anywhere();

    @TempDir
    Path dir;

    @Test
    void shouldReadAGreyIdxFileOfAnySizeScaledToTheInterval() throws IOException {
        // 3 images of 2 x 3: bytes 0, 1, ..., 17
        Path file = idx("digits-idx3-ubyte", new int[] {3, 2, 3}, bytes(18), false);

        Dataset data = IdxImages.read(file, 2, Layout.NCHW, -1, 1, ANYWHERE);

        assertThat(data.imageShape()).containsExactly(1, 2, 3);
        assertThat(data.size()).isEqualTo(2);
        assertThat(data.points().getRow(1).toDoubleVector())
                .containsExactly(-1 + 2 * 6 / 255.0, -1 + 2 * 7 / 255.0, -1 + 2 * 8 / 255.0, -1 + 2 * 9 / 255.0,
                        -1 + 2 * 10 / 255.0, -1 + 2 * 11 / 255.0);
    }

    @Test
    void shouldReorderChannelsLastIdxImagesToChannelMajor() throws IOException {
        // 1 image, 1 x 2 pixels, 3 channels, stored (h, w, c): pixel 0 = (0, 1, 2), pixel 1 = (3, 4, 5)
        Path gz = idx("rgb-idx4-ubyte.gz", new int[] {1, 1, 2, 3}, bytes(6), true);

        Dataset last = IdxImages.read(gz, 10, Layout.NHWC, 0, 255, ANYWHERE);
        Dataset first = IdxImages.read(gz, 10, Layout.NCHW, 0, 255, ANYWHERE);

        assertThat(last.imageShape()).containsExactly(3, 1, 2);
        assertThat(last.points().toDoubleVector()).containsExactly(0, 3, 1, 4, 2, 5);
        assertThat(first.imageShape()).containsExactly(1, 2, 3);
        assertThat(first.points().toDoubleVector()).containsExactly(0, 1, 2, 3, 4, 5);
    }

    @Test
    void shouldNameTheFileOfABadIdxHeaderTypeRankOrLength() throws IOException {
        Path floats = dir.resolve("floats-idx");
        Files.write(floats, ByteBuffer.allocate(12).putInt(0x00000D02).putInt(1).putInt(1).array());
        Path labels = idx("labels-idx1-ubyte", new int[] {4}, bytes(4), false);
        Path truncated = idx("short-idx3-ubyte", new int[] {2, 2, 2}, bytes(7), false);
        Path trailing = idx("long-idx3-ubyte", new int[] {2, 2, 2}, bytes(9), false);
        Path header = dir.resolve("header-idx");
        Files.write(header, new byte[] {0, 0, 8, 3, 0, 0});

        assertThatThrownBy(() -> IdxImages.read(floats, 1, Layout.NCHW, -1, 1, ANYWHERE)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining(floats.toString()).hasMessageContaining("magic number 0xd02");
        assertThatThrownBy(() -> IdxImages.read(labels, 1, Layout.NCHW, -1, 1, ANYWHERE)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("1-dimensional");
        assertThatThrownBy(() -> IdxImages.read(truncated, 5, Layout.NCHW, -1, 1, ANYWHERE)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("truncated: expected 24 bytes, found 23");
        assertThatThrownBy(() -> IdxImages.read(trailing, 1, Layout.NCHW, -1, 1, ANYWHERE)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("expected 24 bytes, found 25 (trailing data)");
        assertThatThrownBy(() -> IdxImages.read(header, 1, Layout.NCHW, -1, 1, ANYWHERE)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("expected a header of 16 bytes, found 6");
        assertThatThrownBy(() -> IdxImages.read(dir, 1, Layout.NCHW, -1, 1, ANYWHERE)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("not a regular file");
    }

    @Test
    void shouldReadNpyArraysOfEachDtypeAndVersion() throws IOException {
        Path f8 = npy("f8.npy", "<f8", "(2, 2, 2)", 1, doubles(8, 8));
        Path f4 = npy("f4.npy", "<f4", "(1, 3)", 2, floats(3));
        Path u1 = npy("u1.npy", "|u1", "(1, 2, 1, 3)", 3, bytes(6));

        Dataset images = NpyImages.read(f8, 5, Layout.NCHW, -1, 1, ANYWHERE);
        Dataset points = NpyImages.read(f4, 5, Layout.NCHW, -1, 1, ANYWHERE);
        Dataset channelsLast = NpyImages.read(u1, 5, Layout.NHWC, 0, 1, ANYWHERE);

        assertThat(images.imageShape()).containsExactly(1, 2, 2);
        assertThat(images.points().getRow(1).toDoubleVector()).containsExactly(0.5, 0.625, 0.75, 0.875);
        assertThat(points.imageShape()).isNull();
        assertThat(points.points().toDoubleVector()).containsExactly(0.5, 1.5, 2.5);
        // (h, w, c) = (2, 1, 3): pixel 0 = bytes 0..2, pixel 1 = bytes 3..5
        assertThat(channelsLast.imageShape()).containsExactly(3, 2, 1);
        assertThat(channelsLast.points().toDoubleVector()).containsExactly(0, 3 / 255.0, 1 / 255.0, 4 / 255.0, 2 / 255.0, 5 / 255.0);
    }

    @Test
    void shouldRefuseNpyArraysItCannotReadWithTheFileNamed() throws IOException {
        Path i8 = npy("i8.npy", "<i8", "(1, 2)", 1, new byte[16]);
        Path big = npy("big.npy", ">f8", "(1, 2)", 1, new byte[16]);
        Path fortran = write("fortran.npy", header("{'descr': '<f8', 'fortran_order': True, 'shape': (1, 2), }", 1), new byte[16]);
        Path shortBody = npy("short.npy", "<f8", "(2, 2)", 1, new byte[24]);
        Path longBody = npy("long.npy", "<f8", "(1, 2)", 1, new byte[17]);
        Path scalar = npy("scalar.npy", "<f8", "()", 1, new byte[8]);
        Path notNpy = write("text.npy", "hello world, this is not an array".getBytes(StandardCharsets.US_ASCII), new byte[0]);
        Path nan = npy("nan.npy", "<f8", "(1, 2)", 1, doubleBytes(1.0, Double.NaN));

        assertThatThrownBy(() -> NpyImages.read(i8, 1, Layout.NCHW, -1, 1, ANYWHERE)).hasMessageContaining(i8.toString())
                .hasMessageContaining("dtype '<i8' is not supported");
        assertThatThrownBy(() -> NpyImages.read(big, 1, Layout.NCHW, -1, 1, ANYWHERE)).hasMessageContaining("dtype '>f8'");
        assertThatThrownBy(() -> NpyImages.read(fortran, 1, Layout.NCHW, -1, 1, ANYWHERE)).hasMessageContaining("fortran_order True");
        assertThatThrownBy(() -> NpyImages.read(shortBody, 1, Layout.NCHW, -1, 1, ANYWHERE)).hasMessageContaining("truncated");
        assertThatThrownBy(() -> NpyImages.read(longBody, 1, Layout.NCHW, -1, 1, ANYWHERE)).hasMessageContaining("trailing data");
        assertThatThrownBy(() -> NpyImages.read(scalar, 1, Layout.NCHW, -1, 1, ANYWHERE)).hasMessageContaining("0-dimensional");
        assertThatThrownBy(() -> NpyImages.read(notNpy, 1, Layout.NCHW, -1, 1, ANYWHERE)).hasMessageContaining("not a .npy file");
        assertThatThrownBy(() -> NpyImages.read(nan, 1, Layout.NCHW, -1, 1, ANYWHERE)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("value 1 is NaN");
    }

    @Test
    void shouldReadAFolderOfGreyOrRgbPngsInNameOrder() throws IOException {
        Path grey = Files.createDirectory(dir.resolve("grey"));
        png(grey.resolve("b.png"), BufferedImage.TYPE_BYTE_GRAY, 3, 2, 255);
        png(grey.resolve("a.png"), BufferedImage.TYPE_BYTE_GRAY, 3, 2, 0);
        Files.writeString(grey.resolve("notes.txt"), "not an image");
        Path rgb = Files.createDirectory(dir.resolve("rgb"));
        BufferedImage colour = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        colour.setRGB(0, 0, 0xFF0000);
        colour.setRGB(1, 0, 0x0000FF);
        ImageIO.write(colour, "png", rgb.resolve("x.png").toFile());

        Dataset greys = PngFolder.read(grey, 10, -1, 1, ANYWHERE);
        Dataset colours = PngFolder.read(rgb, 10, 0, 1, ANYWHERE);

        assertThat(greys.imageShape()).containsExactly(1, 2, 3);
        assertThat(greys.points().getRow(0).toDoubleVector()).containsOnly(-1.0);
        assertThat(greys.points().getRow(1).toDoubleVector()).containsOnly(1.0);
        assertThat(colours.imageShape()).containsExactly(3, 1, 2);
        // channel-major: red (1, 0), green (0, 0), blue (0, 1)
        assertThat(colours.points().toDoubleVector()).containsExactly(1, 0, 0, 0, 0, 1);
    }

    @Test
    void shouldNameThePngOfAnotherSizeOrKind() throws IOException {
        Path sizes = Files.createDirectory(dir.resolve("sizes"));
        png(sizes.resolve("a.png"), BufferedImage.TYPE_BYTE_GRAY, 3, 2, 0);
        png(sizes.resolve("b.png"), BufferedImage.TYPE_BYTE_GRAY, 3, 3, 0);
        Path kinds = Files.createDirectory(dir.resolve("kinds"));
        png(kinds.resolve("a.png"), BufferedImage.TYPE_BYTE_GRAY, 2, 2, 0);
        png(kinds.resolve("b.png"), BufferedImage.TYPE_INT_RGB, 2, 2, 0);
        Path broken = Files.createDirectory(dir.resolve("broken"));
        Files.writeString(broken.resolve("a.png"), "not a png");
        Path empty = Files.createDirectory(dir.resolve("empty"));

        assertThatThrownBy(() -> PngFolder.read(sizes, 5, -1, 1, ANYWHERE)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining(sizes.resolve("b.png").toString()).hasMessageContaining("3x3 grey, but a.png is 2x3 grey");
        assertThatThrownBy(() -> PngFolder.read(kinds, 5, -1, 1, ANYWHERE)).hasMessageContaining("2x2 RGB, but a.png is 2x2 grey");
        assertThatThrownBy(() -> PngFolder.read(broken, 5, -1, 1, ANYWHERE)).hasMessageContaining("not a readable PNG");
        assertThatThrownBy(() -> PngFolder.read(empty, 5, -1, 1, ANYWHERE)).hasMessageContaining("no .png files");
        assertThatThrownBy(() -> PngFolder.read(dir.resolve("absent"), 5, -1, 1, ANYWHERE)).hasMessageContaining("no such directory");
    }

    private Path idx(String name, int[] sizes, byte[] body, boolean gzip) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(4 + 4 * sizes.length).putInt(0x0800 | sizes.length);
        for (int size : sizes) {
            header.putInt(size);
        }
        Path file = dir.resolve(name);
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
            out.write(header.array());
            out.write(body);
        }
        return file;
    }

    private Path npy(String name, String descr, String shape, int version, byte[] body) throws IOException {
        return write(name, header("{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }", version), body);
    }

    private static byte[] header(String dict, int version) {
        return NpyFiles.header(dict, version);
    }

    private Path write(String name, byte[] head, byte[] body) throws IOException {
        return NpyFiles.write(dir.resolve(name), head, body);
    }

    private static void png(Path file, int type, int width, int height, int level) throws IOException {
        BufferedImage image = new BufferedImage(width, height, type);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.getRaster().setSample(x, y, 0, level);
            }
        }
        ImageIO.write(image, "png", file.toFile());
    }

    private static byte[] bytes(int n) {
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = (byte) i;
        }
        return out;
    }

    /** i / scale for i = 0..n-1 as little-endian float64. */
    private static byte[] doubles(int n, double scale) {
        ByteBuffer out = ByteBuffer.allocate(8 * n).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            out.putDouble(i / scale);
        }
        return out.array();
    }

    private static byte[] doubleBytes(double... values) {
        ByteBuffer out = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            out.putDouble(v);
        }
        return out.array();
    }

    /** i + 0.5 for i = 0..n-1 as little-endian float32. */
    private static byte[] floats(int n) {
        ByteBuffer out = ByteBuffer.allocate(4 * n).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            out.putFloat(i + 0.5f);
        }
        return out.array();
    }
}
