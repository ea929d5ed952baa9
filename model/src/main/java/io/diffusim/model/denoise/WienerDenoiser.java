package io.diffusim.model.denoise;

import io.diffusim.model.process.ForwardProcess;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The Gaussian (Wiener) denoiser of a data set's mean m and population covariance {@code U Lambda U^T} restricted to
 * its top-r eigenpairs (docs/science.md §3.3), generalised from VE to {@code x = a x_0 + b eps}:
 * {@code x0-hat = m + U diag(a lambda/(a^2 lambda + b^2)) U^T (x - a m)}, {@code div eps-hat = D/b - (a^2/b) sum lambda/(a^2 lambda + b^2)}.
 */
public final class WienerDenoiser implements Denoiser {

    private final ForwardProcess process;
    private final INDArray mean;
    private final SymmetricEigen eigen;
    private final GaussianComponent gaussian;

    /** Fits points {@code [n, D]}; rank r = 0 keeps every eigenpair. */
    public WienerDenoiser(ForwardProcess process, INDArray points, int rank) {
        if (points == null || points.rank() != 2 || points.rows() < 1) {
            throw new IllegalArgumentException("points must be a non-empty [n, D] matrix");
        }
        if (rank < 0 || rank > points.columns()) {
            throw new IllegalArgumentException("rank must be in 0.." + points.columns() + " (0 = all, at most the dimension), got " + rank);
        }
        INDArray p = points.castTo(DataType.DOUBLE);
        this.process = process;
        this.mean = p.mean(true, 0);
        INDArray centred = p.subRowVector(mean);
        INDArray covariance = centred.transpose().mmul(centred).divi(p.rows());
        this.eigen = SymmetricEigen.of(covariance).top(rank);
        this.gaussian = new EigenComponent(mean, eigen.values(), eigen.vectors());
    }

    @Override
    public Prediction evaluate(EvalRequest request) {
        if (request.dimension() != dimension()) {
            throw new IllegalArgumentException("request dimension " + request.dimension() + " != " + dimension());
        }
        NoiseCoefficients coefficients = NoiseCoefficients.of(process, request);
        INDArray x = request.x().castTo(DataType.DOUBLE);
        GaussianComponent.Terms terms = gaussian.evaluate(x, coefficients);
        // one component: Cov[x0|x] = P, so tr Cov = E||x0||^2 - ||m||^2
        INDArray traceCov = terms.secondMoment().sub(terms.mean().mul(terms.mean()).sum(true, 1));
        return Prediction.ofX0(x, terms.mean(), coefficients.a(), coefficients.b())
                .withDivergence(coefficients.divergenceOfEps(dimension(), traceCov));
    }

    /** Fitted mean m as a [1, D] row; read-only. */
    public INDArray mean() {
        return mean;
    }

    /** Kept eigenvalues as a [1, r] row, ascending; read-only. */
    public INDArray eigenvalues() {
        return eigen.values();
    }

    /** Kept eigenvectors as the columns of [D, r]; read-only. */
    public INDArray eigenvectors() {
        return eigen.vectors();
    }

    @Override
    public ForwardProcess process() {
        return process;
    }

    @Override
    public int dimension() {
        return (int) mean.columns();
    }
}
