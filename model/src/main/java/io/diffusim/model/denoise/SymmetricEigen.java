package io.diffusim.model.denoise;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.eigen.Eigen;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Eigen-decomposition {@code S = U diag(lambda) U^T} of a symmetric positive semi-definite matrix (LAPACK syev),
 * eigenvalues ascending as rows {@code [1, D]}, eigenvectors as the columns of {@code [D, D]}, with round-off
 * negatives clamped to 0 (docs/science.md §3.1, §3.3).
 */
record SymmetricEigen(INDArray values, INDArray vectors) {

    /** Decomposes a copy of the symmetric matrix; the input is not touched. */
    static SymmetricEigen of(INDArray symmetric) {
        if (symmetric.rank() != 2 || symmetric.rows() != symmetric.columns()) {
            throw new IllegalArgumentException("expected a square matrix, got " + java.util.Arrays.toString(symmetric.shape()));
        }
        INDArray vectors = symmetric.castTo(DataType.DOUBLE).dup('c');
        INDArray values = Eigen.symmetricGeneralizedEigenvalues(vectors, true);
        return new SymmetricEigen(Transforms.max(values.reshape(1, vectors.rows()), 0.0, false), vectors);
    }

    /** The r largest eigenpairs (r = 0 or r >= D keeps all). */
    SymmetricEigen top(int r) {
        int d = (int) vectors.rows();
        if (r < 0) {
            throw new IllegalArgumentException("rank must be >= 0, got " + r);
        }
        if (r == 0 || r >= d) {
            return this;
        }
        return new SymmetricEigen(values.get(NDArrayIndex.point(0), NDArrayIndex.interval(d - r, d)).reshape(1, r).dup(),
                vectors.get(NDArrayIndex.all(), NDArrayIndex.interval(d - r, d)).dup('c'));
    }
}
