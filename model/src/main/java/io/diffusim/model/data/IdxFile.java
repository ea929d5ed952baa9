package io.diffusim.model.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * One IDX file (the MNIST format: big-endian magic {@code 0x0000 08 nd}, nd big-endian sizes, then unsigned bytes),
 * plain or gzip, opened through {@link DataFiles} and read front to back with its size checked so that truncation is
 * reported in bytes.
 */
final class IdxFile implements AutoCloseable {

    private static final int BUFFER = 1 << 16;
    /** The expected magic meaning: unsigned bytes (type 0x08), any rank 1 to 4. */
    private static final int ANY_UNSIGNED_BYTES = -1;
    private static final int UNSIGNED_BYTE = 0x08;
    private static final int MAX_RANK = 4;

    private final String name;
    private final InputStream in;
    private final int[] sizes;
    private long expectedBytes;
    private long bytesRead;

    /** {@code magic} is the one expected, or {@link #ANY_UNSIGNED_BYTES} for unsigned bytes of any rank 1 to 4. */
    private IdxFile(Path file, int magic, DataFiles files) throws IOException {
        this.name = file.toString();
        BufferedInputStream buffered = new BufferedInputStream(files.open(file, DataFiles.MAX_BYTES), BUFFER);
        try {
            buffered.mark(2);
            boolean gzip = buffered.read() == 0x1f && buffered.read() == 0x8b;
            buffered.reset();
            this.in = gzip ? new BufferedInputStream(new GZIPInputStream(buffered, BUFFER), BUFFER) : buffered;
            this.sizes = readHeader(magic);
        } catch (IOException | RuntimeException e) {
            buffered.close();
            throw e;
        }
        long body = 1;
        for (int size : sizes) {
            body *= size;
            if (body > DataFiles.MAX_BYTES) {
                in.close();
                throw new DataFormatException(name, "header declares sizes " + Arrays.toString(sizes)
                        + ", more than the " + DataFiles.MAX_BYTES + " bytes a data file may have");
            }
        }
        this.expectedBytes += body;
    }

    /** Opens one file of unsigned bytes of any rank 1 to 4 (plain or gzip) through {@code files}. */
    static IdxFile open(Path file, DataFiles files) {
        try {
            return new IdxFile(file, ANY_UNSIGNED_BYTES, files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
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

    private int[] readHeader(int magic) throws IOException {
        byte[] first = new byte[4];
        int expectedDims = magic == ANY_UNSIGNED_BYTES ? 0 : magic & 0xff;
        if (read(first, first.length) < first.length) {
            throw shortHeader(4 + 4 * expectedDims);
        }
        int foundMagic = ByteBuffer.wrap(first).getInt();
        if (magic != ANY_UNSIGNED_BYTES && foundMagic != magic) {
            // the bytes found are not quoted: the file may be anything
            throw new DataFormatException(name, "not an IDX file of this kind (expected magic number " + magic + ")");
        }
        int type = (foundMagic >>> 8) & 0xff;
        int dims = foundMagic & 0xff;
        if (magic == ANY_UNSIGNED_BYTES && ((foundMagic >>> 16) != 0 || type != UNSIGNED_BYTE || dims < 1 || dims > MAX_RANK)) {
            throw new DataFormatException(name, "magic number 0x" + Integer.toHexString(foundMagic)
                    + ": expected an IDX file of unsigned bytes (0x000008nd) with 1 to " + MAX_RANK + " dimensions");
        }
        this.expectedBytes = 4 + 4L * dims;
        byte[] bytes = new byte[4 * dims];
        if (read(bytes, bytes.length) < bytes.length) {
            throw shortHeader(4 + 4 * dims);
        }
        ByteBuffer header = ByteBuffer.wrap(bytes);
        int[] found = new int[dims];
        for (int i = 0; i < dims; i++) {
            found[i] = header.getInt();
            if (found[i] < 0) {
                throw new DataFormatException(name, "dimension " + i + " has negative size " + found[i]);
            }
        }
        return found;
    }

    private DataFormatException shortHeader(int headerBytes) {
        return new DataFormatException(name, "truncated: expected a header of " + headerBytes + " bytes, found " + bytesRead);
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
