package io.diffusim.model.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * One IDX file (the MNIST format: big-endian magic {@code 0x0000 08 nd}, nd big-endian sizes, then unsigned bytes),
 * plain or gzip, read front to back with its size checked so that truncation is reported in bytes.
 */
final class IdxFile implements AutoCloseable {

    private static final int BUFFER = 1 << 16;
    /** Fashion-MNIST's largest file is 47 MB uncompressed; a file over this is not one of its kind. */
    static final long MAX_BYTES = 1L << 30;

    private final String name;
    private final InputStream in;
    private final int[] sizes;
    private long expectedBytes;
    private long bytesRead;

    private IdxFile(Path file, int magic, DataFiles files) throws IOException {
        this.name = file.toString();
        BufferedInputStream buffered = new BufferedInputStream(files.open(file, MAX_BYTES), BUFFER);
        try {
            buffered.mark(2);
            boolean gzip = buffered.read() == 0x1f && buffered.read() == 0x8b;
            buffered.reset();
            this.in = gzip ? new BufferedInputStream(new GZIPInputStream(buffered, BUFFER), BUFFER) : buffered;
            int dims = magic & 0xff;
            this.expectedBytes = 4 + 4L * dims;
            this.sizes = readHeader(magic, dims);
        } catch (IOException | RuntimeException e) {
            buffered.close();
            throw e;
        }
        long body = 1;
        for (int size : sizes) {
            body *= size;
        }
        this.expectedBytes += body;
    }

    /** Opens {@code dir/base.gz}, else {@code dir/base}, through {@code files}, and checks its magic number. */
    static IdxFile open(Path dir, String base, int magic, DataFiles files) {
        Path gz = dir.resolve(base + ".gz");
        Path file = Files.exists(gz) ? gz : dir.resolve(base);
        if (!Files.exists(file)) {
            throw new DataFormatException(gz.toString(), "no such file (nor " + base + " uncompressed)");
        }
        try {
            return new IdxFile(file, magic, files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    String name() {
        return name;
    }

    /** The sizes declared in the header. */
    int[] sizes() {
        return sizes.clone();
    }

    /** Fills the buffer with the next bytes; a short read is a truncated file. */
    void readFully(byte[] buffer) throws IOException {
        if (read(buffer, buffer.length) < buffer.length) {
            throw truncated();
        }
    }

    /** Reads to the end and checks that the file has exactly the size its header declares. */
    void finish() throws IOException {
        byte[] buffer = new byte[BUFFER];
        while (read(buffer, buffer.length) == buffer.length) {
            // drain: the size check needs the true length
        }
        if (bytesRead != expectedBytes) {
            throw bytesRead < expectedBytes ? truncated()
                    : new DataFormatException(name, "expected " + expectedBytes + " bytes, found " + bytesRead
                            + " (trailing data)");
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private int[] readHeader(int magic, int dims) throws IOException {
        byte[] bytes = new byte[4 + 4 * dims];
        if (read(bytes, bytes.length) < bytes.length) {
            throw new DataFormatException(name, "truncated: expected a header of " + bytes.length + " bytes, found "
                    + bytesRead);
        }
        ByteBuffer header = ByteBuffer.wrap(bytes);
        int foundMagic = header.getInt();
        if (foundMagic != magic) {
            // the bytes found are not quoted: the file may be anything
            throw new DataFormatException(name, "not an IDX file of this kind (expected magic number " + magic + ")");
        }
        int[] found = new int[dims];
        for (int i = 0; i < dims; i++) {
            found[i] = header.getInt();
            if (found[i] < 0) {
                throw new DataFormatException(name, "dimension " + i + " has negative size " + found[i]);
            }
        }
        return found;
    }

    /** Reads up to {@code length} bytes, counting them; a gzip stream cut short ends the count like end of file. */
    private int read(byte[] buffer, int length) throws IOException {
        int got = 0;
        try {
            while (got < length) {
                int r = in.read(buffer, got, length - got);
                if (r < 0) {
                    break;
                }
                got += r;
            }
        } catch (EOFException e) {
            // GZIPInputStream signals a cut compressed stream this way; what was decoded so far is counted
        }
        bytesRead += got;
        return got;
    }

    private DataFormatException truncated() {
        return new DataFormatException(name, "truncated: expected " + expectedBytes + " bytes, found " + bytesRead);
    }
}
