package io.diffusim.model.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes small IDX files (MNIST format), plain or gzip, for the Fashion-MNIST reader tests. */
final class IdxFixtures {

    private IdxFixtures() {
    }

    /** The raw bytes of an IDX file: magic, sizes, body. */
    static byte[] idx(int magic, int[] sizes, byte[] body) {
        ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * sizes.length + body.length);
        buffer.putInt(magic);
        for (int size : sizes) {
            buffer.putInt(size);
        }
        return buffer.put(body).array();
    }

    /** Image bytes with pixel p of image i equal to (31 i + p) mod 256. */
    static byte[] images(int count, int rows, int cols) {
        byte[] body = new byte[count * rows * cols];
        for (int i = 0; i < count; i++) {
            for (int p = 0; p < rows * cols; p++) {
                body[i * rows * cols + p] = (byte) ((31 * i + p) % 256);
            }
        }
        return body;
    }

    /** Writes the bytes to dir/name, gzip-compressed when the name ends in .gz. */
    static Path write(Path dir, String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        if (name.endsWith(".gz")) {
            ByteArrayOutputStream compressed = new ByteArrayOutputStream();
            try (OutputStream gz = new GZIPOutputStream(compressed)) {
                gz.write(bytes);
            }
            bytes = compressed.toByteArray();
        }
        return Files.write(file, bytes);
    }
}
