package io.diffusim.model.imported;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An exported network run by ONNX Runtime (docs/architecture.md §2 "Imported networks"): one input {@code x [N, D]}
 * and, with a time input, a second {@code t [N, 1]} or {@code [N]}, in float32 or float64, and one output
 * {@code [N, D]}. Everything about the file is checked when it is loaded, each mismatch an
 * {@link IllegalArgumentException} naming {@code model.path} and what the file has. Thread-safe (ONNX Runtime's
 * sessions are).
 */
public final class OnnxNetwork implements AutoCloseable {

    /** Largest file accepted: far above a denoiser for the data sets here, far below what would exhaust memory. */
    static final long MAX_BYTES = 2L << 30;

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final String xName;
    private final String tName;
    private final boolean tIsColumn;
    private final OnnxJavaType type;
    private final int dimension;

    private OnnxNetwork(OrtEnvironment environment, OrtSession session, String xName, String tName, boolean tIsColumn,
            OnnxJavaType type, int dimension) {
        this.environment = environment;
        this.session = session;
        this.xName = xName;
        this.tName = tName;
        this.tIsColumn = tIsColumn;
        this.type = type;
        this.dimension = dimension;
    }

    /**
     * @param timeInput whether the network takes t (model.time-input)
     * @param threads the threads ONNX Runtime may use within one evaluation
     */
    public static OnnxNetwork load(Path file, boolean timeInput, int threads) {
        String at = "model.path = " + file;
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file)) {
            throw new IllegalArgumentException(at + ": no such regular file");
        }
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new IllegalArgumentException(at + ": " + size + " bytes, more than the " + MAX_BYTES
                        + " an imported network may have");
            }
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(Math.max(1, threads));
            options.setInterOpNumThreads(1);
            OrtSession session;
            try {
                session = environment.createSession(file.toString(), options);
            } catch (OrtException e) {
                throw new IllegalArgumentException(at + ": not a network ONNX Runtime can load (" + firstLine(e) + ")", e);
            }
            try {
                return checked(at, environment, session, timeInput);
            } catch (RuntimeException | OrtException e) {
                session.close();
                throw e;
            }
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(at + ": cannot be read (" + e.getMessage() + ")", e);
        } catch (OrtException e) {
            throw new IllegalArgumentException(at + ": " + firstLine(e), e);
        }
    }

    private static OnnxNetwork checked(String at, OrtEnvironment environment, OrtSession session, boolean timeInput)
            throws OrtException {
        Map<String, NodeInfo> inputs = session.getInputInfo();
        int wanted = timeInput ? 2 : 1;
        if (inputs.size() != wanted) {
            throw new IllegalArgumentException(at + ": the network takes " + inputs.size() + " inputs " + inputs.keySet()
                    + "; model.time-input = " + timeInput + " needs " + wanted + (timeInput ? " (x, t)" : " (x)"));
        }
        List<Map.Entry<String, NodeInfo>> ordered = new ArrayList<>(inputs.entrySet());
        TensorInfo x = tensor(at, "input " + ordered.get(0).getKey(), ordered.get(0).getValue());
        int dimension = matrixColumns(at, "input " + ordered.get(0).getKey(), x);
        OnnxJavaType type = x.type;
        if (type != OnnxJavaType.FLOAT && type != OnnxJavaType.DOUBLE) {
            throw new IllegalArgumentException(at + ": input " + ordered.get(0).getKey() + " is " + type
                    + "; expected float32 or float64");
        }
        String tName = null;
        boolean tIsColumn = false;
        if (timeInput) {
            tName = ordered.get(1).getKey();
            TensorInfo t = tensor(at, "input " + tName, ordered.get(1).getValue());
            long[] shape = t.getShape();
            tIsColumn = shape.length == 2;
            if (t.type != type || !(shape.length == 1 || (shape.length == 2 && shape[1] == 1))) {
                throw new IllegalArgumentException(at + ": time input " + tName + " is " + t.type + " "
                        + java.util.Arrays.toString(shape) + "; expected " + type + " [N] or [N, 1]");
            }
        }
        Map<String, NodeInfo> outputs = session.getOutputInfo();
        if (outputs.size() != 1) {
            throw new IllegalArgumentException(at + ": the network has " + outputs.size() + " outputs "
                    + outputs.keySet() + "; expected one [N, D]");
        }
        Map.Entry<String, NodeInfo> out = outputs.entrySet().iterator().next();
        TensorInfo y = tensor(at, "output " + out.getKey(), out.getValue());
        int outColumns = matrixColumns(at, "output " + out.getKey(), y);
        if (outColumns != dimension || y.type != type) {
            throw new IllegalArgumentException(at + ": output " + out.getKey() + " is " + y.type + " [N, " + outColumns
                    + "]; expected " + type + " [N, " + dimension + "] like the input");
        }
        return new OnnxNetwork(environment, session, ordered.get(0).getKey(), tName, tIsColumn, type, dimension);
    }

    private static TensorInfo tensor(String at, String what, NodeInfo node) {
        if (!(node.getInfo() instanceof TensorInfo info)) {
            throw new IllegalArgumentException(at + ": " + what + " is not a tensor (" + node.getInfo() + ")");
        }
        return info;
    }

    /** D of a {@code [N, D]} tensor whose N is free (-1) or any, and D fixed. */
    private static int matrixColumns(String at, String what, TensorInfo info) {
        long[] shape = info.getShape();
        if (shape.length != 2 || shape[1] < 1 || shape[1] > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(at + ": " + what + " has shape " + java.util.Arrays.toString(shape)
                    + "; expected [N, D] with D fixed");
        }
        return (int) shape[1];
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** D: the columns of x and of the output. */
    public int dimension() {
        return dimension;
    }

    /**
     * The network on {@code rows} points {@code x} (row-major, {@code rows * D} values) at times {@code t}
     * (ignored without a time input); returns the output row-major, in float64.
     */
    public double[] run(double[] x, int rows, double[] t) {
        try (OnnxTensor xTensor = tensor(x, new long[] {rows, dimension});
                OnnxTensor tTensor = tName == null ? null : tensor(t, tIsColumn ? new long[] {rows, 1} : new long[] {rows})) {
            Map<String, OnnxTensor> feed = tName == null ? Map.of(xName, xTensor) : Map.of(xName, xTensor, tName, tTensor);
            try (OrtSession.Result result = session.run(feed)) {
                OnnxTensor out = (OnnxTensor) result.get(0);
                double[] values = new double[rows * dimension];
                if (type == OnnxJavaType.DOUBLE) {
                    out.getDoubleBuffer().get(values);
                } else {
                    FloatBuffer floats = out.getFloatBuffer();
                    for (int i = 0; i < values.length; i++) {
                        values[i] = floats.get(i);
                    }
                }
                return values;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("the imported network failed on a batch of " + rows + ": " + firstLine(e), e);
        }
    }

    private OnnxTensor tensor(double[] values, long[] shape) throws OrtException {
        if (type == OnnxJavaType.DOUBLE) {
            return OnnxTensor.createTensor(environment, DoubleBuffer.wrap(values), shape);
        }
        float[] floats = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            floats[i] = (float) values[i];
        }
        return OnnxTensor.createTensor(environment, FloatBuffer.wrap(floats), shape);
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
