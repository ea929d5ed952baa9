package io.diffusim.actors.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Bounds-checked reading of a stored value: every length is checked against the bytes left, so a corrupt or
 * truncated value fails with an {@link IllegalArgumentException} naming what was read, never with garbage.
 */
final class ValueReader {

    private final ByteBuffer buffer;
    private final String what;

    /** @param what names the value in errors, e.g. {@code checkpoint of run R batch 2} */
    ValueReader(byte[] bytes, String what) {
        this.buffer = ByteBuffer.wrap(bytes);
        this.what = what;
    }

    byte readByte(String field) {
        need(Byte.BYTES, field);
        return buffer.get();
    }

    short readShort(String field) {
        need(Short.BYTES, field);
        return buffer.getShort();
    }

    int readInt(String field) {
        need(Integer.BYTES, field);
        return buffer.getInt();
    }

    long readLong(String field) {
        need(Long.BYTES, field);
        return buffer.getLong();
    }

    double readDouble(String field) {
        need(Double.BYTES, field);
        return buffer.getDouble();
    }

    String readString(String field) {
        int n = readCount(field, 1);
        String s = new String(buffer.array(), buffer.position(), n, StandardCharsets.UTF_8);
        buffer.position(buffer.position() + n);
        return s;
    }

    long[] readLongs(String field) {
        long[] values = new long[readCount(field, Long.BYTES)];
        buffer.asLongBuffer().get(values);
        buffer.position(buffer.position() + values.length * Long.BYTES);
        return values;
    }

    double[] readDoubles(String field) {
        double[] values = new double[readCount(field, Double.BYTES)];
        buffer.asDoubleBuffer().get(values);
        buffer.position(buffer.position() + values.length * Double.BYTES);
        return values;
    }

    /** Checks the magic number and format version at the start of a value. */
    /** The header's version, which must lie in [{@code oldest}, {@code newest}]. */
    short expectHeader(int magic, short oldest, short newest) {
        int m = readInt("magic");
        if (m != magic) {
            throw corrupt(String.format("magic 0x%08x, expected 0x%08x", m, magic));
        }
        short v = readShort("version");
        if (v < oldest || v > newest) {
            throw corrupt("format version " + v + ", this build reads " + oldest + " to " + newest);
        }
        return v;
    }

    void expectHeader(int magic, short version) {
        int m = readInt("magic");
        if (m != magic) {
            throw corrupt(String.format("magic 0x%08x, expected 0x%08x", m, magic));
        }
        short v = readShort("version");
        if (v != version) {
            throw corrupt("format version " + v + ", this build reads " + version);
        }
    }

    int position() {
        return buffer.position();
    }

    void expectEnd() {
        if (buffer.hasRemaining()) {
            throw corrupt(buffer.remaining() + " unexpected bytes after the value");
        }
    }

    IllegalArgumentException corrupt(String detail) {
        return new IllegalArgumentException(what + " is corrupt: " + detail);
    }

    private int readCount(String field, int elementBytes) {
        int n = readInt(field + " length");
        if (n < 0 || (long) n * elementBytes > buffer.remaining()) {
            throw corrupt(field + " length " + n + " does not fit the " + buffer.remaining() + " bytes left (truncated?)");
        }
        return n;
    }

    private void need(int bytes, String field) {
        if (buffer.remaining() < bytes) {
            throw corrupt("truncated at " + field + " (offset " + buffer.position() + " of " + buffer.limit() + ")");
        }
    }
}
