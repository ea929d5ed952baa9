package io.diffusim.model.denoise;

import io.diffusim.model.Matmul;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A Gaussian N(mu, U diag(lambda) U^T) under {@code x = a x_0 + b eps}, evaluated in its eigenbasis so that
 * {@code C^-1 = U diag(1/(a^2 lambda + b^2)) U^T} costs O(D^2) at any t (docs/science.md §3.1). U null means the
 * identity (diagonal covariance); U with r < D columns means lambda = 0 on the complement.
 */
final class EigenComponent implements GaussianComponent {

    private static final double LN_2PI = Math.log(2 * Math.PI);

    private final INDArray meanRow;
    private final INDArray lambdaRow;
    private final INDArray lambdaColumn;
    private final INDArray basis;
    private final int dimension;
    private final int rank;

    EigenComponent(INDArray meanRow, INDArray lambdaRow, INDArray basis) {
        this.meanRow = meanRow;
        this.lambdaRow = lambdaRow;
        this.lambdaColumn = lambdaRow.reshape(lambdaRow.columns(), 1);
        this.basis = basis;
        this.dimension = (int) meanRow.columns();
        this.rank = (int) lambdaRow.columns();
    }

    @Override
    public Terms evaluate(INDArray x, NoiseCoefficients c) {
        INDArray r = GaussianComponent.residual(x, c, meanRow);
        INDArray y = basis == null ? r : Matmul.times(r, basis);
        INDArray denominator = Matmul.times(c.column((a, b) -> a * a), lambdaRow).addiColumnVector(c.column((a, b) -> b * b));
        INDArray z = y.div(denominator);
        INDArray quadratic = y.mul(z).sum(true, 1);
        INDArray logDet = Transforms.log(denominator, true).sum(true, 1);
        if (rank < dimension) {
            // the complement of the kept eigenvectors has lambda = 0, so C = b^2 there
            quadratic.addi(r.mul(r).sum(true, 1).subi(y.mul(y).sum(true, 1)).muliColumnVector(c.column((a, b) -> 1 / (b * b))));
            logDet.addiColumnVector(c.column((a, b) -> (dimension - rank) * Math.log(b * b)));
        }
        INDArray logLikelihood = quadratic.addi(logDet).addi(dimension * LN_2PI).muli(-0.5);
        // m = mu + a Sigma C^-1 r, rotated back from the eigenbasis
        INDArray shift = z.muliRowVector(lambdaRow);
        INDArray mean = (basis == null ? shift : Matmul.timesTransposed(shift, basis))
                .muliColumnVector(c.a()).addiRowVector(meanRow);
        // tr P = sum_i lambda_i b^2 / (a^2 lambda_i + b^2)
        INDArray traceP = Matmul.times(denominator.rdivi(1.0), lambdaColumn).muliColumnVector(c.column((a, b) -> b * b));
        INDArray secondMoment = mean.mul(mean).sum(true, 1).addi(traceP);
        return new Terms(logLikelihood, mean, secondMoment);
    }
}
