package io.diffusim.model.learned;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The weights of the MLP of docs/science.md §7.3, by name, in one fixed order (the order a checkpoint stores them).
 *
 * <p>The first layer's weight is kept as two blocks, {@code in.wx} for the coordinates' embeddings and {@code in.wt}
 * for t's: {@code concat(e_x, e_t) W = e_x W_x + e_t W_t}, so neither training nor inference concatenates, and the
 * time part, the same for every particle of a sampler step, is computed once per step. Biases are rank-1
 * {@code [n]}, the form SameDiff's fused {@code x W + b} takes.
 */
public final class MlpParameters {

    private final MlpShape shape;
    private final Map<String, INDArray> arrays;

    private MlpParameters(MlpShape shape, Map<String, INDArray> arrays) {
        this.shape = shape;
        this.arrays = Collections.unmodifiableMap(arrays);
    }

    /** The parameter names of a shape, in storage order. */
    public static List<String> names(MlpShape shape) {
        List<String> names = new ArrayList<>();
        names.add("in.wx");
        if (shape.timeInput()) {
            names.add("in.wt");
        }
        names.add("in.b");
        for (int k = 0; k < shape.blocks(); k++) {
            names.add("block" + k + ".w");
            names.add("block" + k + ".b");
        }
        names.add("out.w");
        names.add("out.b");
        return names;
    }

    /** Elements of an array of shape {@code dims}. */
    static long length(long[] dims) {
        long n = 1;
        for (long d : dims) {
            n *= d;
        }
        return n;
    }

    /** The shape of a named parameter: {@code [rows, columns]} for weights, {@code [n]} for biases. */
    public static long[] shapeOf(MlpShape shape, String name) {
        int e = shape.embeddingSize();
        int w = shape.width();
        return switch (name) {
            case "in.wx" -> new long[] {(long) shape.inputs() * e, w};
            case "in.wt" -> new long[] {e, w};
            case "in.b" -> new long[] {w};
            case "out.w" -> new long[] {w, shape.outputs()};
            case "out.b" -> new long[] {shape.outputs()};
            default -> name.endsWith(".w") ? new long[] {w, w} : new long[] {w};
        };
    }

    /**
     * PyTorch's default initialisation of {@code nn.Linear}, {@code U(+-1/sqrt(fan_in))} for weights and biases
     * (docs/science.md §7.3), drawn from {@code seed} in storage order; the two first-layer blocks share the fan-in
     * of the whole first layer.
     */
    public static MlpParameters initial(MlpShape shape, long seed, DataType dataType) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        for (String name : names(shape)) {
            long[] dims = shapeOf(shape, name);
            double bound = 1.0 / Math.sqrt(fanIn(shape, name));
            double[] values = new double[Math.toIntExact(length(dims))];
            for (int i = 0; i < values.length; i++) {
                values[i] = (2 * random.nextDouble() - 1) * bound;
            }
            arrays.put(name, Nd4j.create(values, dims, DataType.DOUBLE).castTo(dataType));
        }
        return new MlpParameters(shape, arrays);
    }

    /** Wraps existing arrays (checked against the shape); the arrays are used, not copied. */
    public static MlpParameters of(MlpShape shape, Map<String, INDArray> arrays) {
        Map<String, INDArray> ordered = new LinkedHashMap<>();
        for (String name : names(shape)) {
            INDArray array = arrays.get(name);
            if (array == null || !Arrays.equals(array.shape(), shapeOf(shape, name))) {
                throw new IllegalArgumentException("parameter " + name + " of " + shape.describe() + " must be "
                        + Arrays.toString(shapeOf(shape, name)) + ", got "
                        + (array == null ? "none" : Arrays.toString(array.shape())));
            }
            ordered.put(name, array);
        }
        return new MlpParameters(shape, ordered);
    }

    public MlpShape shape() {
        return shape;
    }

    /** Name to array, in storage order; the arrays are live (training updates them in place). */
    public Map<String, INDArray> arrays() {
        return arrays;
    }

    public INDArray get(String name) {
        return arrays.get(name);
    }

    /** A deep copy, in {@code dataType}. */
    public MlpParameters copy(DataType dataType) {
        Map<String, INDArray> copies = new LinkedHashMap<>();
        arrays.forEach((name, array) -> copies.put(name, array.castTo(dataType).dup()));
        return new MlpParameters(shape, copies);
    }

    /** Overwrites every array with {@code source}'s (same shape). */
    public void assignFrom(MlpParameters source) {
        arrays.forEach((name, array) -> array.assign(source.get(name)));
    }

    /** Number of scalar parameters. */
    public long count() {
        return arrays.values().stream().mapToLong(INDArray::length).sum();
    }

    private static int fanIn(MlpShape shape, String name) {
        return name.startsWith("in.") ? shape.firstLayerFanIn() : shape.width();
    }
}
