package io.diffusim.model.imported;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A safetensors file read and checked whole (docs/spec-reference.md "Imported weights"): an 8-byte little-endian
 * header length, a JSON header naming each tensor's dtype, shape and byte range, then the little-endian buffers.
 * Every claim of the header is checked against the file (length, ranges inside the data, sizes matching the shapes,
 * no two tensors sharing bytes); a file that lies or is cut short is an {@link IllegalArgumentException} naming the
 * file and what is wrong. F32 and F64 tensors are read; other types are named and refused.
 */
public final class SafetensorsFile {

    /** A header larger than this is not a weights file's (a 64 MiB header would describe millions of tensors). */
    static final long MAX_HEADER_BYTES = 64L << 20;
    static final long MAX_FILE_BYTES = 4L << 30;

    /** One tensor: its shape and values (widened to double). */
    public record Tensor(long[] shape, double[] values) {
    }

    private SafetensorsFile() {
    }

    /** Every tensor of the file by name, in header order ({@code __metadata__} is not a tensor). */
    public static Map<String, Tensor> read(Path file) {
        String at = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(at + ": no such regular file");
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > MAX_FILE_BYTES) {
                throw new IllegalArgumentException(at + ": " + size + " bytes, more than the " + MAX_FILE_BYTES
                        + " a weights file may have");
            }
            if (size < 8) {
                throw new IllegalArgumentException(at + ": " + size + " bytes, too short for a safetensors header");
            }
            ByteBuffer lengthBytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(channel, lengthBytes, 0);
            long headerLength = lengthBytes.getLong(0);
            if (headerLength <= 0 || headerLength > Math.min(size - 8, MAX_HEADER_BYTES)) {
                throw new IllegalArgumentException(at + ": the header length says " + headerLength + " bytes; the file"
                        + " has " + (size - 8) + " after it (not a safetensors file, or cut short)");
            }
            ByteBuffer headerBytes = ByteBuffer.allocate((int) headerLength);
            readFully(channel, headerBytes, 8);
            JsonNode header;
            try {
                header = new ObjectMapper().readTree(new String(headerBytes.array(), StandardCharsets.UTF_8));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalArgumentException(at + ": the header is not JSON (" + e.getOriginalMessage() + ")", e);
            }
            if (header == null || !header.isObject()) {
                throw new IllegalArgumentException(at + ": the header is not a JSON object");
            }
            long dataStart = 8 + headerLength;
            return tensors(at, header, channel, dataStart, size - dataStart);
        } catch (IOException e) {
            throw new IllegalArgumentException(at + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private record Entry(String name, String dtype, long[] shape, long begin, long end) {
    }

    private static Map<String, Tensor> tensors(String at, JsonNode header, FileChannel channel, long dataStart,
            long dataBytes) throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = header.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getKey().equals("__metadata__")) {
                entries.add(entry(at, field.getKey(), field.getValue(), dataBytes));
            }
        }
        List<Entry> byOffset = new ArrayList<>(entries);
        byOffset.sort(Comparator.comparingLong(Entry::begin));
        for (int i = 1; i < byOffset.size(); i++) {
            if (byOffset.get(i).begin() < byOffset.get(i - 1).end()) {
                throw new IllegalArgumentException(at + ": tensors " + byOffset.get(i - 1).name() + " and "
                        + byOffset.get(i).name() + " claim the same bytes");
            }
        }
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (Entry e : entries) {
            ByteBuffer bytes = ByteBuffer.allocate(Math.toIntExact(e.end() - e.begin())).order(ByteOrder.LITTLE_ENDIAN);
            readFully(channel, bytes, dataStart + e.begin());
            double[] values = new double[Math.toIntExact(elements(e.shape()))];
            for (int i = 0; i < values.length; i++) {
                values[i] = e.dtype().equals("F32") ? bytes.getFloat(4 * i) : bytes.getDouble(8 * i);
            }
            tensors.put(e.name(), new Tensor(e.shape(), values));
        }
        return tensors;
    }

    private static Entry entry(String at, String name, JsonNode node, long dataBytes) {
        String where = at + ": tensor " + name;
        JsonNode dtype = node.get("dtype");
        JsonNode shape = node.get("shape");
        JsonNode offsets = node.get("data_offsets");
        if (dtype == null || !dtype.isTextual() || shape == null || !shape.isArray() || offsets == null
                || !offsets.isArray() || offsets.size() != 2) {
            throw new IllegalArgumentException(where + ": expected {dtype, shape, data_offsets: [begin, end]}");
        }
        int width = switch (dtype.asText()) {
            case "F32" -> 4;
            case "F64" -> 8;
            default -> throw new IllegalArgumentException(where + " is " + dtype.asText() + "; F32 and F64 are read");
        };
        long[] dims = new long[shape.size()];
        for (int i = 0; i < dims.length; i++) {
            if (!shape.get(i).canConvertToLong() || shape.get(i).asLong() < 0) {
                throw new IllegalArgumentException(where + ": shape " + shape + " is not a list of sizes");
            }
            dims[i] = shape.get(i).asLong();
        }
        long begin = offsets.get(0).asLong(-1);
        long end = offsets.get(1).asLong(-1);
        if (begin < 0 || end < begin || end > dataBytes) {
            throw new IllegalArgumentException(where + ": bytes [" + begin + ", " + end + ") lie outside the "
                    + dataBytes + " data bytes of the file");
        }
        long elements = elements(dims);
        if (elements < 0 || elements > Integer.MAX_VALUE || end - begin != elements * width) {
            throw new IllegalArgumentException(where + ": shape " + shape + " of " + dtype.asText() + " needs "
                    + (elements < 0 ? "too many" : Long.toString(elements * width)) + " bytes, the header gives it "
                    + (end - begin));
        }
        return new Entry(name, dtype.asText(), dims, begin, end);
    }

    private static long elements(long[] dims) {
        long n = 1;
        for (long d : dims) {
            n = d == 0 ? 0 : (n > Long.MAX_VALUE / d ? -1 : n * d);
            if (n < 0) {
                return -1;
            }
        }
        return n;
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, at);
            if (read < 0) {
                throw new IOException("the file ends at byte " + at);
            }
            at += read;
        }
    }
}
