package io.diffusim.actors.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Synthetic Fashion-MNIST IDX files (gzip), cut short or corrupt, for the bad-input tests. */
final class FashionMnistFiles {

    static final int LABELS_MAGIC = 2049;
    static final int IMAGES_MAGIC = 2051;
    static final int SIDE = 28;
    /** CRC-32 and size, 4 bytes each, at the end of a gzip member. */
    private static final int GZIP_TRAILER = 8;

    private FashionMnistFiles() {
    }

    /**
     * Writes train-labels (count labels) and train-images whose header declares count images but whose body
     * holds only {@code imagesPresent} of them, both as valid gzip streams.
     */
    static void writeTruncated(Path dir, int count, int imagesPresent) throws IOException {
        ByteBuffer labels = ByteBuffer.allocate(8 + count).putInt(LABELS_MAGIC).putInt(count);
        for (int i = 0; i < count; i++) {
            labels.put((byte) (i % 10));
        }
        gzip(dir.resolve("train-labels-idx1-ubyte.gz"), labels.array());
        ByteBuffer images = ByteBuffer.allocate(16 + imagesPresent * SIDE * SIDE)
                .putInt(IMAGES_MAGIC).putInt(count).putInt(SIDE).putInt(SIDE);
        gzip(dir.resolve("train-images-idx3-ubyte.gz"), images.array());
    }

    /** Flips a bit of the images file's gzip checksum (the trailer's first byte), so that reading it fails at the end. */
    static void corruptImagesChecksum(Path dir) throws IOException {
        Path file = dir.resolve("train-images-idx3-ubyte.gz");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - GZIP_TRAILER] ^= 1;
        Files.write(file, bytes);
    }

    private static void gzip(Path file, byte[] bytes) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(bytes);
        }
    }
}
