package io.diffusim.model.param;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Seeded float64 batches for the parameterisation tests. */
final class ParamFixtures {

    private ParamFixtures() {
    }

    /** A [rows, cols] matrix of standard normals. */
    static INDArray normals(SplittableRandom random, int rows, int cols) {
        double[] values = new double[rows * cols];
        for (int i = 0; i < values.length; i++) {
            values[i] = gaussian(random);
        }
        return Nd4j.create(values, new long[] {rows, cols}, DataType.DOUBLE);
    }

    /** A [rows, 1] column of uniforms in [low, high). */
    static double[] uniforms(SplittableRandom random, int rows, double low, double high) {
        double[] values = new double[rows];
        for (int i = 0; i < rows; i++) {
            values[i] = random.nextDouble(low, high);
        }
        return values;
    }

    /** f applied to each value, as a float64 [n, 1] column. */
    static INDArray column(double[] values, DoubleUnaryOperator f) {
        double[] mapped = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            mapped[i] = f.applyAsDouble(values[i]);
        }
        return Nd4j.create(mapped, new long[] {mapped.length, 1}, DataType.DOUBLE);
    }

    /** Largest absolute entry of {@code a - b}. */
    static double maxAbsDiff(INDArray a, INDArray b) {
        return a.sub(b).amaxNumber().doubleValue();
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
