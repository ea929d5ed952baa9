package io.diffusim.model.learned;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A trained MLP on disk: a text header that says what the weights are (the architecture, the objective and the
 * forward process whose time the network was trained on, the data type and the step), then the raw arrays in
 * {@link Weights} order, big-endian, four groups: the online weights, the EMA weights, and AdamW's first and
 * second moments.
 *
 * <p>The values are stored in the weights' own type, so a reloaded network computes bit for bit what the trained
 * one did. Loading checks the header against what the spec expects; a mismatch is an error that names both.
 *
 * @param process the forward process's description, as the run spec resolves it
 * @param training the training settings ({@link Trainer.Settings#describe()}), which a resumed training must share
 * @param step optimiser steps taken
 * @param emaCounter calls of the EMA so far
 */
public record Checkpoint(Architecture shape, String objective, String process, String training, long step,
                            long emaCounter,
                            Weights online, Weights ema, Map<String, INDArray> adamM,
                            Map<String, INDArray> adamV) {

    /** First line of every checkpoint file. */
    static final String MAGIC = "diffusim-network-checkpoint 1";
    /** First line of the files written before the U-Net (MLPs only; read as before). */
    static final String MLP_MAGIC = "diffusim-mlp-checkpoint 1";
    private static final String END = "end";
    private static final List<String> GROUPS = List.of("online", "ema", "adam-m", "adam-v");

    /** Writes the checkpoint (to a temporary file first, so a crash never leaves half a file under the name). */
    public void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        DataType type = online.dataType();
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(partial)))) {
            StringBuilder header = new StringBuilder();
            header.append(MAGIC).append('\n')
                    .append("architecture: ").append(shape.describe()).append('\n')
                    .append("objective: ").append(objective).append('\n')
                    .append("process: ").append(process).append('\n')
                    .append("training: ").append(training).append('\n')
                    .append("dtype: ").append(type).append('\n')
                    .append("step: ").append(step).append('\n')
                    .append("ema-counter: ").append(emaCounter).append('\n')
                    .append("groups: ").append(String.join(" ", GROUPS)).append('\n')
                    .append(END).append('\n');
            out.write(header.toString().getBytes(StandardCharsets.UTF_8));
            for (Map<String, INDArray> group : List.of(online.arrays(), ema.arrays(), adamM, adamV)) {
                for (String name : shape.names()) {
                    writeArray(out, group.get(name), type);
                }
            }
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Reads a checkpoint; a file that is not one, or is cut short, is an IOException naming the file. */
    public static Checkpoint read(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            String magic = line(in);
            if (!MAGIC.equals(magic) && !MLP_MAGIC.equals(magic)) {
                throw new IOException(file + " is not a diffusim network checkpoint (its first line is not '" + MAGIC
                        + "')");
            }
            Map<String, String> header = new LinkedHashMap<>();
            for (String line = line(in); !END.equals(line); line = line(in)) {
                int colon = line.indexOf(": ");
                if (colon < 0) {
                    throw new IOException(file + ": bad header line '" + line + "'");
                }
                header.put(line.substring(0, colon), line.substring(colon + 2));
            }
            Architecture shape = parseShape(file, field(file, header, "architecture"));
            DataType type = DataType.valueOf(field(file, header, "dtype"));
            List<Map<String, INDArray>> groups = new ArrayList<>();
            for (int g = 0; g < GROUPS.size(); g++) {
                Map<String, INDArray> arrays = new LinkedHashMap<>();
                for (String name : shape.names()) {
                    arrays.put(name, readArray(in, shape.shapeOf(name), type));
                }
                groups.add(arrays);
            }
            if (in.read() != -1) {
                throw new IOException(file + " has bytes after its last array: not the architecture its header names");
            }
            return new Checkpoint(shape, field(file, header, "objective"), field(file, header, "process"),
                    field(file, header, "training"), Long.parseLong(field(file, header, "step")), Long.parseLong(field(file, header, "ema-counter")),
                    Weights.of(shape, groups.get(0)), Weights.of(shape, groups.get(1)), groups.get(2),
                    groups.get(3));
        } catch (EOFException e) {
            throw new IOException(file + " ends early: the checkpoint is truncated", e);
        }
    }

    /**
     * Checks that this checkpoint is the network a spec asks for; otherwise an IllegalArgumentException that names
     * the file, what it holds and what was expected.
     */
    public void requireMatches(Path file, Architecture expectedShape, String expectedObjective, String expectedProcess) {
        if (!shape.equals(expectedShape)) {
            throw new IllegalArgumentException("checkpoint " + file + " holds " + shape.describe()
                    + ", but the spec asks for " + expectedShape.describe());
        }
        if (!objective.equals(expectedObjective)) {
            throw new IllegalArgumentException("checkpoint " + file + " was trained with objective " + objective
                    + ", but the spec asks for " + expectedObjective);
        }
        if (!process.equals(expectedProcess)) {
            throw new IllegalArgumentException("checkpoint " + file + " was trained on process " + process
                    + ", but the spec's process is " + expectedProcess);
        }
    }

    /** Parses {@link Architecture#describe()}'s line. */
    static Architecture parseShape(Path file, String line) throws IOException {
        try {
            return Architecture.parse(line);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    private static String field(Path file, Map<String, String> header, String key) throws IOException {
        String value = header.get(key);
        if (value == null) {
            throw new IOException(file + ": the header has no '" + key + "'");
        }
        return value;
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0 || bytes.size() > 4096) {
                throw new EOFException();
            }
            bytes.write(c);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static void writeArray(DataOutputStream out, INDArray array, DataType type) throws IOException {
        if (type == DataType.DOUBLE) {
            for (double value : array.castTo(DataType.DOUBLE).reshape(array.length()).toDoubleVector()) {
                out.writeDouble(value);
            }
        } else {
            for (float value : array.castTo(DataType.FLOAT).reshape(array.length()).toFloatVector()) {
                out.writeFloat(value);
            }
        }
    }

    private static INDArray readArray(DataInputStream in, long[] shape, DataType type) throws IOException {
        int length = Math.toIntExact(Weights.length(shape));
        if (type == DataType.DOUBLE) {
            double[] values = new double[length];
            for (int i = 0; i < length; i++) {
                values[i] = in.readDouble();
            }
            return Nd4j.create(values, shape, DataType.DOUBLE);
        }
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = in.readFloat();
        }
        return Nd4j.create(values, shape, DataType.FLOAT);
    }
}
