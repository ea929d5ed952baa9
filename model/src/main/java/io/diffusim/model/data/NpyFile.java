package io.diffusim.model.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One NumPy {@code .npy} array (format versions 1 to 3): the magic {@code \x93NUMPY}, the version, the header length
 * and a header dict with {@code descr} (only {@code <f8}, {@code <f4} and {@code |u1}), {@code fortran_order}
 * (False only) and {@code shape}; the file must be exactly as long as the header declares. Read through {@link DataFiles}.
 */
public final class NpyFile {

    /** The array: its shape, its first items' values in row-major order, and whether they were bytes (0..255). */
    public record Array(String name, int[] shape, double[] values, boolean bytes) {
    }

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int MAX_HEADER = 1 << 16;
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private NpyFile() {
    }

    /** The first {@code maxItems} items along the first axis (all when the array has fewer). */
    public static Array read(Path file, long maxItems, DataFiles files) {
        String name = file.toString();
        long fileBytes = files.size(file);
        try (InputStream in = files.open(file)) {
            byte[] preamble = readExactly(in, name, 8, "a header");
            if (!Arrays.equals(Arrays.copyOf(preamble, MAGIC.length), MAGIC)) {
                throw new DataFormatException(name, "not a .npy file (no \\x93NUMPY magic)");
            }
            int major = preamble[6] & 0xff;
            if (major < 1 || major > 3) {
                throw new DataFormatException(name, ".npy format version " + major + "." + (preamble[7] & 0xff)
                        + " is not supported (1.0 to 3.0)");
            }
            int lengthBytes = major == 1 ? 2 : 4;
            ByteBuffer length = ByteBuffer.wrap(readExactly(in, name, lengthBytes, "a header")).order(ByteOrder.LITTLE_ENDIAN);
            long headerLength = major == 1 ? length.getShort() & 0xffff : length.getInt() & 0xffffffffL;
            if (headerLength > MAX_HEADER) {
                throw new DataFormatException(name, "header of " + headerLength + " bytes, more than " + MAX_HEADER);
            }
            String header = new String(readExactly(in, name, (int) headerLength, "a header"),
                    major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
            String descr = field(DESCR, header, name, "descr");
            int itemBytes = switch (descr) {
                case "<f8" -> 8;
                case "<f4" -> 4;
                case "|u1", "<u1" -> 1;
                default -> throw new DataFormatException(name, "dtype '" + descr + "' is not supported; expected '<f8', '<f4' or '|u1'");
            };
            if (field(FORTRAN, header, name, "fortran_order").equals("True")) {
                throw new DataFormatException(name, "fortran_order True is not supported; save the array in C order");
            }
            int[] shape = shape(field(SHAPE, header, name, "shape"), name);
            long declared = 8L + lengthBytes + headerLength;
            long count = 1;
            for (int size : shape) {
                count *= size;
                if (count * itemBytes > DataFiles.MAX_BYTES) {
                    throw new DataFormatException(name, "shape " + Arrays.toString(shape) + " is larger than a data file may be");
                }
            }
            declared += count * itemBytes;
            if (fileBytes != declared) {
                throw new DataFormatException(name, (fileBytes < declared ? "truncated: " : "trailing data: ") + "expected "
                        + declared + " bytes, found " + fileBytes);
            }
            int items = (int) Math.min(maxItems, shape[0]);
            int[] item = Arrays.copyOfRange(shape, 1, shape.length);
            int values = ImageArrays.valueCount(name, items, item);
            ByteBuffer body = ByteBuffer.wrap(readExactly(in, name, Math.multiplyExact(values, itemBytes), "data"))
                    .order(ByteOrder.LITTLE_ENDIAN);
            double[] out = new double[values];
            for (int i = 0; i < values; i++) {
                out[i] = switch (itemBytes) {
                    case 8 -> body.getDouble();
                    case 4 -> body.getFloat();
                    default -> body.get() & 0xff;
                };
            }
            int[] readShape = shape.clone();
            readShape[0] = items;
            return new Array(name, readShape, out, itemBytes == 1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Writes {@code values} (row-major) as a version 1.0 {@code <f8} array of {@code shape}, the header padded to a
     * multiple of 64 bytes as NumPy does; written to a temporary file and moved into place.
     */
    public static void write(Path file, int[] shape, double[] values) throws IOException {
        long count = 1;
        for (int size : shape) {
            count *= size;
        }
        if (count != values.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + count + " values, got "
                    + values.length);
        }
        String dims = Arrays.stream(shape).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        StringBuilder header = new StringBuilder("{'descr': '<f8', 'fortran_order': False, 'shape': (" + dims
                + (shape.length == 1 ? "," : "") + "), }");
        while ((MAGIC.length + 4 + header.length() + 1) % 64 != 0) {
            header.append(' ');
        }
        header.append('\n');
        ByteBuffer out = ByteBuffer.allocate(MAGIC.length + 4 + header.length() + 8 * values.length)
                .order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length())
                .put(header.toString().getBytes(StandardCharsets.ISO_8859_1));
        for (double v : values) {
            out.putDouble(v);
        }
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.write(partial, out.array());
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    private static String field(Pattern pattern, String header, String name, String key) {
        Matcher m = pattern.matcher(header);
        if (!m.find()) {
            throw new DataFormatException(name, "the header has no readable '" + key + "'");
        }
        return m.group(1);
    }

    private static int[] shape(String text, String name) {
        String[] parts = text.split(",");
        int[] shape = Arrays.stream(parts).map(String::trim).filter(p -> !p.isEmpty()).mapToInt(p -> {
            try {
                return Integer.parseInt(p.endsWith("L") ? p.substring(0, p.length() - 1) : p);
            } catch (NumberFormatException e) {
                throw new DataFormatException(name, "shape entry '" + p + "' is not a size");
            }
        }).toArray();
        if (shape.length == 0) {
            throw new DataFormatException(name, "a 0-dimensional array (a scalar); expected at least [n, D]");
        }
        for (int size : shape) {
            if (size < 0) {
                throw new DataFormatException(name, "shape " + Arrays.toString(shape) + " has a negative size");
            }
        }
        return shape;
    }

    private static byte[] readExactly(InputStream in, String name, int length, String what) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) {
            throw new DataFormatException(name, "truncated: expected " + what + " of " + length + " bytes, found " + bytes.length);
        }
        return bytes;
    }
}
