package io.diffusim.model.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes .npy files as numpy.save does (format 1.0 to 3.0), for tests. */
public final class NpyFiles {

    private NpyFiles() {
    }

    /** A float64 C-order array of the given shape, by the product's own writer. */
    public static Path writeDoubles(Path file, int[] shape, double[] values) throws IOException {
        NpyFile.write(file, shape, values);
        return file;
    }

    /** The magic, version and a space-padded header dict ending in a newline. */
    static byte[] header(String dict, int version) {
        int lengthBytes = version == 1 ? 2 : 4;
        int unpadded = 8 + lengthBytes + dict.length() + 1;
        String padded = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        ByteBuffer out = ByteBuffer.allocate(8 + lengthBytes + padded.length()).order(ByteOrder.LITTLE_ENDIAN);
        out.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) version, 0});
        if (version == 1) {
            out.putShort((short) padded.length());
        } else {
            out.putInt(padded.length());
        }
        return out.put(padded.getBytes(StandardCharsets.ISO_8859_1)).array();
    }

    static Path write(Path file, byte[] head, byte[] body) throws IOException {
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        Files.write(file, all);
        return file;
    }
}
