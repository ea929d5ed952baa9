package io.diffusim.model.data;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Small shared helpers of the data-set generators (docs/science.md §7.1, §5.2): argument checks, draws and packing. */
final class Points {

    private Points() {
    }

    /** Checks that a requested number of points is positive. */
    static int requireCount(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("number of points must be > 0, got " + n);
        }
        return n;
    }

    /** Packs a row-major {@code n x d} buffer into a float64 {@code [n, d]} matrix. */
    static INDArray matrix(double[] rowMajor, int n, int d) {
        return Nd4j.create(rowMajor, new long[] {n, d}, DataType.DOUBLE);
    }

    /** n draws of U(lo, hi), NumPy's {@code uniform(lo, hi, n)}: lo + (hi - lo) u. */
    static double[] uniform(SplittableRandom random, int n, double lo, double hi) {
        double[] u = new double[n];
        for (int i = 0; i < n; i++) {
            u[i] = lo + (hi - lo) * random.nextDouble();
        }
        return u;
    }

    /** n draws of N(0, std^2). */
    static double[] normal(SplittableRandom random, int n, double std) {
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = std * random.nextGaussian();
        }
        return z;
    }

    /** Writes the columns x and y into a row-major {@code [n, 2]} buffer. */
    static double[] interleave(double[] x, double[] y) {
        double[] xy = new double[2 * x.length];
        for (int i = 0; i < x.length; i++) {
            xy[2 * i] = x[i];
            xy[2 * i + 1] = y[i];
        }
        return xy;
    }
}
