package io.diffusim.analysis;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Conversions between point sets held as {@code double[n][d]} and {@code [n, d]} float64 arrays, with validation. */
public final class Matrices {

    private Matrices() {
    }

    /** Copies an {@code [n, d]} array to the heap; rejects other ranks. */
    public static double[][] toMatrix(INDArray points, String name) {
        if (points == null || points.rank() != 2) {
            throw new IllegalArgumentException(name + " must be an [n, d] matrix, got "
                    + (points == null ? "null" : Arrays.toString(points.shape())));
        }
        // One bulk copy: INDArray.toDoubleMatrix() copies row by row, one native op per row.
        double[] flat = points.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        int n = (int) points.rows();
        int d = (int) points.columns();
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = Arrays.copyOfRange(flat, i * d, (i + 1) * d);
        }
        return rows;
    }

    /** A new float64 {@code [n, d]} array holding the rows (which must be non-empty and of equal length). */
    public static INDArray toArray(double[][] rows, String name) {
        int d = requireRectangular(rows, name);
        double[] flat = new double[rows.length * d];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * d, d);
        }
        return Nd4j.create(flat, new long[] {rows.length, d}, DataType.DOUBLE);
    }

    /** The common row length of a non-empty rectangular matrix with d ≥ 1; throws naming the first bad row. */
    public static int requireRectangular(double[][] rows, String name) {
        if (rows == null || rows.length == 0) {
            throw new IllegalArgumentException(name + " must contain at least one point");
        }
        int d = rows[0].length;
        if (d == 0) {
            throw new IllegalArgumentException(name + " has dimension 0");
        }
        for (int i = 1; i < rows.length; i++) {
            if (rows[i].length != d) {
                throw new IllegalArgumentException(name + " row " + i + " has " + rows[i].length + " values, expected " + d);
            }
        }
        return d;
    }

    /** Rejects NaN or infinite entries, naming the first one (neighbour searches cannot order them). */
    public static void requireFinite(double[][] rows, String name) {
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < rows[i].length; j++) {
                if (!Double.isFinite(rows[i][j])) {
                    throw new IllegalArgumentException(name + "[" + i + "][" + j + "] is " + rows[i][j]);
                }
            }
        }
    }
}
