package io.diffusim.actors.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Writes a stored value into an exactly sized array; the codecs add up {@link #stringBytes} etc. first, so a
 * value is built with one allocation and bulk copies of its arrays.
 */
final class ValueWriter {

    private final ByteBuffer buffer;

    ValueWriter(long size) {
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a stored value of " + size + " bytes exceeds the 2 GiB limit of one value");
        }
        this.buffer = ByteBuffer.allocate((int) size);
    }

    static int stringBytes(String s) {
        return Integer.BYTES + utf8(s).length;
    }

    static long arrayBytes(int length, int elementBytes) {
        return Integer.BYTES + (long) length * elementBytes;
    }

    ValueWriter header(int magic, short version) {
        buffer.putInt(magic).putShort(version);
        return this;
    }

    static int headerBytes() {
        return Integer.BYTES + Short.BYTES;
    }

    ValueWriter putByte(byte value) {
        buffer.put(value);
        return this;
    }

    ValueWriter putInt(int value) {
        buffer.putInt(value);
        return this;
    }

    ValueWriter putLong(long value) {
        buffer.putLong(value);
        return this;
    }

    ValueWriter putDouble(double value) {
        buffer.putDouble(value);
        return this;
    }

    ValueWriter putString(String s) {
        return putUtf8(utf8(s));
    }

    /** Puts a string already encoded with {@link #utf8}, for callers that sized it first. */
    ValueWriter putUtf8(byte[] bytes) {
        buffer.putInt(bytes.length).put(bytes);
        return this;
    }

    ValueWriter putLongs(long[] values) {
        buffer.putInt(values.length);
        buffer.asLongBuffer().put(values);
        buffer.position(buffer.position() + values.length * Long.BYTES);
        return this;
    }

    ValueWriter putDoubles(double[] values) {
        buffer.putInt(values.length);
        buffer.asDoubleBuffer().put(values);
        buffer.position(buffer.position() + values.length * Double.BYTES);
        return this;
    }

    int position() {
        return buffer.position();
    }

    /** The value; fails if the size announced did not match what was written. */
    byte[] bytes() {
        if (buffer.hasRemaining()) {
            throw new IllegalStateException("value sized " + buffer.capacity() + " bytes but " + buffer.position() + " written");
        }
        return buffer.array();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
