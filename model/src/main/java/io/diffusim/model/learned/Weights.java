package io.diffusim.model.learned;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The weights of a network ({@link Architecture}), by name, in one fixed order (the order a checkpoint stores them).
 */
public final class Weights {

    private final Architecture shape;
    private final Map<String, INDArray> arrays;

    private Weights(Architecture shape, Map<String, INDArray> arrays) {
        this.shape = shape;
        this.arrays = Collections.unmodifiableMap(arrays);
    }

    /** Elements of an array of shape {@code dims}. */
    static long length(long[] dims) {
        long n = 1;
        for (long d : dims) {
            n *= d;
        }
        return n;
    }

    /**
     * PyTorch's default initialisation of {@code nn.Linear} and {@code nn.Conv2d}, {@code U(+-1/sqrt(fan_in))} for
     * weights and biases (docs/science.md §7.3), drawn from {@code seed} in storage order.
     */
    public static Weights initial(Architecture shape, long seed, DataType dataType) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        for (String name : shape.names()) {
            long[] dims = shape.shapeOf(name);
            double bound = 1.0 / Math.sqrt(shape.fanIn(name));
            double[] values = new double[Math.toIntExact(length(dims))];
            for (int i = 0; i < values.length; i++) {
                values[i] = (2 * random.nextDouble() - 1) * bound;
            }
            arrays.put(name, Nd4j.create(values, dims, DataType.DOUBLE).castTo(dataType));
        }
        return new Weights(shape, arrays);
    }

    /** Wraps existing arrays (checked against the shape); the arrays are used, not copied. */
    public static Weights of(Architecture shape, Map<String, INDArray> arrays) {
        Map<String, INDArray> ordered = new LinkedHashMap<>();
        for (String name : shape.names()) {
            INDArray array = arrays.get(name);
            if (array == null || !Arrays.equals(array.shape(), shape.shapeOf(name))) {
                throw new IllegalArgumentException("parameter " + name + " of " + shape.describe() + " must be "
                        + Arrays.toString(shape.shapeOf(name)) + ", got "
                        + (array == null ? "none" : Arrays.toString(array.shape())));
            }
            ordered.put(name, array);
        }
        return new Weights(shape, ordered);
    }

    public Architecture shape() {
        return shape;
    }

    /** Name to array, in storage order; the arrays are live (training updates them in place). */
    public Map<String, INDArray> arrays() {
        return arrays;
    }

    /** The weights' data type (every array has the same). */
    public DataType dataType() {
        return arrays.values().iterator().next().dataType();
    }

    public INDArray get(String name) {
        return arrays.get(name);
    }

    /** Graph variables holding copies of these weights, by name. */
    Map<String, SDVariable> variables(SameDiff sd) {
        Map<String, SDVariable> w = new LinkedHashMap<>();
        arrays.forEach((name, array) -> w.put(name, sd.var(name, array.dup())));
        return w;
    }

    /** Graph constants holding these weights (no gradient is formed for them), by name. */
    Map<String, SDVariable> constants(SameDiff sd) {
        Map<String, SDVariable> w = new LinkedHashMap<>();
        arrays.forEach((name, array) -> w.put(name, sd.constant(name, array)));
        return w;
    }

    /** The live arrays behind graph variables, as weights of {@code shape}. */
    static Weights live(Architecture shape, Map<String, SDVariable> w) {
        Map<String, INDArray> live = new LinkedHashMap<>();
        w.forEach((name, variable) -> live.put(name, variable.getArr()));
        return of(shape, live);
    }

    /** A deep copy, in {@code dataType}. */
    public Weights copy(DataType dataType) {
        Map<String, INDArray> copies = new LinkedHashMap<>();
        arrays.forEach((name, array) -> copies.put(name, array.castTo(dataType).dup()));
        return new Weights(shape, copies);
    }

    /** Overwrites every array with {@code source}'s (same shape). */
    public void assignFrom(Weights source) {
        arrays.forEach((name, array) -> array.assign(source.get(name)));
    }

    /** Number of scalar parameters. */
    public long count() {
        return arrays.values().stream().mapToLong(INDArray::length).sum();
    }
}
