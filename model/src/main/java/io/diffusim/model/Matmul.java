package io.diffusim.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Matrix products through BLAS gemm. On the CPU backend {@code INDArray.mmul} of the skinny shapes the
 * denoisers use (e.g. [2048, 5] x [5, 256]) took 8 ms where the same product through {@code Nd4j.gemm}
 * took 0.3 ms (measured on this project's 2-core reference machine), so hot paths call these instead.
 */
public final class Matmul {

    private Matmul() {
    }

    /** {@code a b} as a new array of a's data type. */
    public static INDArray times(INDArray a, INDArray b) {
        INDArray out = Nd4j.create(a.dataType(), a.rows(), b.columns());
        return Nd4j.gemm(a, b, out, false, false, 1.0, 0.0);
    }

    /** {@code a b^T} as a new array of a's data type (b is not copied or transposed in memory). */
    public static INDArray timesTransposed(INDArray a, INDArray b) {
        INDArray out = Nd4j.create(a.dataType(), a.rows(), b.rows());
        return Nd4j.gemm(a, b, out, false, true, 1.0, 0.0);
    }

    /** {@code a^T b} as a new array of a's data type. */
    public static INDArray transposedTimes(INDArray a, INDArray b) {
        INDArray out = Nd4j.create(a.dataType(), a.columns(), b.columns());
        return Nd4j.gemm(a, b, out, true, false, 1.0, 0.0);
    }
}
