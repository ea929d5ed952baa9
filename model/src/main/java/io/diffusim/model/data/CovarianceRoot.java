package io.diffusim.model.data;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.eigen.Eigen;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A square root {@code F = U diag(sqrt(lambda))} of a symmetric positive semi-definite covariance, so that
 * {@code mu + F z ~ N(mu, Sigma)} for {@code z ~ N(0, I)}, zero eigenvalues allowed (docs/science.md §3.1, §5.2).
 */
final class CovarianceRoot {

    /** Relative size of a negative eigenvalue still taken as round-off. */
    private static final double NEGATIVE_TOL = 1e-9;

    private CovarianceRoot() {
    }

    /** {@code F^T} as {@code [D, D]}, so that a batch of rows z maps to {@code z F^T}; component k names errors. */
    static INDArray transposed(double[][] covariance, int component) {
        int d = covariance.length;
        INDArray vectors = Nd4j.create(covariance).castTo(DataType.DOUBLE).dup('c');
        INDArray values = Eigen.symmetricGeneralizedEigenvalues(vectors, true).reshape(1, d);
        double smallest = values.minNumber().doubleValue();
        double largest = Math.max(values.maxNumber().doubleValue(), 0);
        if (smallest < -NEGATIVE_TOL * Math.max(1, largest)) {
            throw new IllegalArgumentException("covariance of component " + component
                    + " is not positive semi-definite (eigenvalue " + smallest + ")");
        }
        INDArray roots = Transforms.sqrt(Transforms.max(values, 0.0, false), false);
        return vectors.mulRowVector(roots).transpose().dup('c');
    }
}
