package io.diffusim.actors.store;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32C;

/**
 * Binary form of a {@link Checkpoint} (docs/architecture.md §4, particle checkpoints): raw float64 bits, so a restored
 * batch continues bit for bit.
 *
 * <pre>
 * int magic "DFCK" | short version | int step | int subStep | long nfe
 * long[] particles | long[] xShape | double[] x          (each array: int length, then the elements)
 * int auxCount | auxCount x (string name | long[] shape | double[] values), names in sorted order
 * int crc32c of every byte before it
 * </pre>
 */
final class CheckpointCodec {

    private static final int MAGIC = 0x4446434B;
    private static final short VERSION = 1;

    private CheckpointCodec() {
    }

    static byte[] encode(Checkpoint c) {
        Map<String, double[]> aux = new TreeMap<>(c.aux());
        if (!aux.keySet().equals(c.auxShapes().keySet())) {
            throw new IllegalArgumentException("checkpoint aux arrays " + aux.keySet() + " and aux shapes "
                    + new TreeMap<>(c.auxShapes()).keySet() + " name different arrays");
        }
        requireShape("x", c.xShape(), c.x());
        long size = ValueWriter.headerBytes() + Integer.BYTES * 2L + Long.BYTES
                + ValueWriter.arrayBytes(c.particles().length, Long.BYTES)
                + ValueWriter.arrayBytes(c.xShape().length, Long.BYTES)
                + ValueWriter.arrayBytes(c.x().length, Double.BYTES) + Integer.BYTES * 2L;
        for (Map.Entry<String, double[]> e : aux.entrySet()) {
            long[] shape = c.auxShapes().get(e.getKey());
            requireShape("aux " + e.getKey(), shape, e.getValue());
            size += ValueWriter.stringBytes(e.getKey()) + ValueWriter.arrayBytes(shape.length, Long.BYTES)
                    + ValueWriter.arrayBytes(e.getValue().length, Double.BYTES);
        }
        ValueWriter w = new ValueWriter(size).header(MAGIC, VERSION)
                .putInt(c.step()).putInt(c.subStep()).putLong(c.nfe())
                .putLongs(c.particles()).putLongs(c.xShape()).putDoubles(c.x())
                .putInt(aux.size());
        aux.forEach((name, values) -> w.putString(name).putLongs(c.auxShapes().get(name)).putDoubles(values));
        // the checksum covers everything written so far; the array is exactly sized, so it is filled in last
        int end = w.position();
        return withChecksum(w.putInt(0).bytes(), end);
    }

    /**
     * Reads a checkpoint back, validating magic, version, every length, every shape and the checksum.
     *
     * @param what names the value in errors, e.g. {@code checkpoint of run R batch 2}
     */
    static Checkpoint decode(byte[] bytes, String what) {
        ValueReader r = new ValueReader(bytes, what);
        if (bytes.length < Integer.BYTES) {
            throw r.corrupt("only " + bytes.length + " bytes (truncated)");
        }
        r.expectHeader(MAGIC, VERSION);
        int stored = ByteBuffer.wrap(bytes, bytes.length - Integer.BYTES, Integer.BYTES).getInt();
        int computed = checksum(bytes, bytes.length - Integer.BYTES);
        if (stored != computed) {
            throw r.corrupt(String.format("checksum mismatch (stored 0x%08x, computed 0x%08x over %d bytes)",
                    stored, computed, bytes.length - Integer.BYTES));
        }
        int step = r.readInt("step");
        int subStep = r.readInt("subStep");
        long nfe = r.readLong("nfe");
        long[] particles = r.readLongs("particles");
        long[] xShape = r.readLongs("x shape");
        double[] x = r.readDoubles("x");
        checkShape(r, "x", xShape, x);
        int auxCount = r.readInt("aux count");
        if (auxCount < 0) {
            throw r.corrupt("aux count " + auxCount);
        }
        Map<String, long[]> auxShapes = new TreeMap<>();
        Map<String, double[]> aux = new TreeMap<>();
        for (int i = 0; i < auxCount; i++) {
            String name = r.readString("aux name");
            long[] shape = r.readLongs("aux " + name + " shape");
            double[] values = r.readDoubles("aux " + name);
            checkShape(r, "aux " + name, shape, values);
            if (aux.put(name, values) != null) {
                throw r.corrupt("aux array " + name + " appears twice");
            }
            auxShapes.put(name, shape);
        }
        r.readInt("checksum");
        r.expectEnd();
        return new Checkpoint(step, subStep, nfe, particles, xShape, x, Map.copyOf(auxShapes), Map.copyOf(aux));
    }

    private static byte[] withChecksum(byte[] bytes, int end) {
        ByteBuffer.wrap(bytes).putInt(end, checksum(bytes, end));
        return bytes;
    }

    private static int checksum(byte[] bytes, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, length);
        return (int) crc.getValue();
    }

    private static void requireShape(String name, long[] shape, double[] values) {
        if (shape == null || values == null || product(shape) != values.length) {
            throw new IllegalArgumentException("checkpoint " + name + " has shape "
                    + Arrays.toString(shape) + " but " + (values == null ? "no" : values.length) + " values");
        }
    }

    private static void checkShape(ValueReader r, String name, long[] shape, double[] values) {
        if (product(shape) != values.length) {
            throw r.corrupt(name + " shape " + Arrays.toString(shape) + " does not match its " + values.length + " values");
        }
    }

    /** The element count of a shape, or -1 if a dimension is negative. */
    private static long product(long[] shape) {
        long n = 1;
        for (long d : shape) {
            if (d < 0) {
                return -1;
            }
            n *= d;
        }
        return n;
    }
}
