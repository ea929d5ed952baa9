package io.diffusim.model.posterior;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One block of {@code count} quadrature nodes for each of {@code rows} rows (docs/science.md §3.4), row-major: log-weights
 * ln p(t) Delta t, times centred on the row's estimate, and for a target R = alpha x0-hat + beta x its alpha and beta
 * (null without one). On a shared grid the arrays hold only row 0's nodes.
 */
record NodeBlock(int rows, int count, boolean sharedGrid, double[] lnWeight, double[] dt, double[] alpha,
                 double[] beta) {

    /** True for one node that every row shares (its values are scalars). */
    boolean oneSharedNode() {
        return sharedGrid && count == 1;
    }

    /** Per-pair values as [1, count] on a shared grid (broadcast over rows), else [rows, count]. */
    INDArray matrix(double[] values) {
        return Nd4j.createFromArray(values).reshape(sharedGrid ? 1 : rows, count);
    }

    /** Per-pair values as a column [rows * count, 1] (a shared grid's repeated for every row). */
    INDArray column(double[] values) {
        INDArray matrix = matrix(values);
        if (sharedGrid) {
            matrix = Nd4j.zeros(DataType.DOUBLE, rows, count).addiRowVector(matrix);
        }
        return matrix.reshape((long) rows * count, 1);
    }

    /** m * values in place, for m [rows, count]. */
    INDArray times(INDArray m, double[] values) {
        return sharedGrid ? m.muliRowVector(matrix(values)) : m.muli(matrix(values));
    }

    /** m + values in place, for m [rows, count]. */
    INDArray plus(INDArray m, double[] values) {
        return sharedGrid ? m.addiRowVector(matrix(values)) : m.addi(matrix(values));
    }
}
