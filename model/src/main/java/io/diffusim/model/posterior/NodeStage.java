package io.diffusim.model.posterior;

import io.diffusim.model.Matmul;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Node weights of a shared quadrature grid staged as columns [r, capacity] next to each node's values, so the
 * per-row sums sum_g w_g v_g of docs/science.md §3.4 cost one mmul per stage instead of one per node.
 */
final class NodeStage {

    private final INDArray weights;
    private final INDArray extras;
    private final double[][] values;
    private final int extraColumn;
    private int count;

    /**
     * @param width       columns of a node's values
     * @param extraColumn the value column that also sums a per-(row, node) extra, or -1 for none
     */
    NodeStage(int rows, int capacity, int width, int extraColumn) {
        this.weights = Nd4j.zeros(DataType.DOUBLE, rows, capacity);
        this.extras = extraColumn < 0 ? null : Nd4j.zeros(DataType.DOUBLE, rows, capacity);
        this.values = new double[capacity][width];
        this.extraColumn = extraColumn;
    }

    /** Room for {@code nodes} more nodes. */
    boolean fits(int nodes) {
        return count + nodes <= values.length;
    }

    /** Stages weights [r, gc], per-pair extras [r, gc] (null exactly when the stage has no extra column) and values. */
    void add(INDArray nodeWeights, INDArray nodeExtras, double[][] nodeValues) {
        INDArrayIndex columns = NDArrayIndex.interval(count, count + nodeValues.length);
        weights.get(NDArrayIndex.all(), columns).assign(nodeWeights);
        if (extras != null) {
            extras.get(NDArrayIndex.all(), columns).assign(nodeExtras);
        }
        System.arraycopy(nodeValues, 0, values, count, nodeValues.length);
        count += nodeValues.length;
    }

    /** The staged sums [r, width], emptying the stage, or null when it is empty. */
    INDArray drain() {
        if (count == 0) {
            return null;
        }
        INDArrayIndex columns = NDArrayIndex.interval(0, count);
        INDArray sums = sum(weights.get(NDArrayIndex.all(), columns),
                extras == null ? null : extras.get(NDArrayIndex.all(), columns), Arrays.copyOf(values, count), extraColumn);
        count = 0;
        return sums;
    }

    /** sum_g w_g v_g per row [r, width] for weights [r, k] and values [k][width], extras [r, k] added to one column. */
    static INDArray sum(INDArray nodeWeights, INDArray nodeExtras, double[][] nodeValues, int extraColumn) {
        INDArray sums = Matmul.times(nodeWeights, Nd4j.createFromArray(nodeValues));
        if (nodeExtras != null) {
            sums.getColumn(extraColumn, true).addi(nodeExtras.sum(true, 1));
        }
        return sums;
    }
}
