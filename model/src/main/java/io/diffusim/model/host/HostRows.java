package io.diffusim.model.host;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The two copies a fused host kernel makes per evaluation: the batch in as one row-major {@code double[]}, the
 * result out as a fresh float64 array. Both are O(B D), against the O(B n D) work in between.
 */
public final class HostRows {

    private HostRows() {
    }

    /** {@code x [B, D]} as row-major float64 values (a copy; x is not touched). */
    public static double[] read(INDArray x) {
        INDArray c = x.dataType() == DataType.DOUBLE && x.ordering() == 'c' && !x.isView() ? x : x.castTo(DataType.DOUBLE).dup('c');
        double[] values = new double[(int) c.length()];
        // one bulk copy from the native buffer (DataBuffer.getDoublesAt reads element by element)
        c.data().asNioDouble().get((int) c.offset(), values);
        return values;
    }

    /**
     * {@code x} as row-major float64 values in {@code buffer} when it is long enough (else in a new array, returned):
     * for a caller that evaluates batch after batch and reads the values before the next call.
     */
    public static double[] readInto(INDArray x, double[] buffer) {
        INDArray c = x.dataType() == DataType.DOUBLE && x.ordering() == 'c' && !x.isView() ? x : x.castTo(DataType.DOUBLE).dup('c');
        int length = (int) c.length();
        double[] values = buffer != null && buffer.length >= length ? buffer : new double[length];
        c.data().asNioDouble().get((int) c.offset(), values, 0, length);
        return values;
    }

    /** A fresh float64 {@code [rows, columns]} array holding {@code values} (row-major). */
    public static INDArray matrix(double[] values, int rows, int columns) {
        return Nd4j.create(values, new long[] {rows, columns}, DataType.DOUBLE);
    }
}
