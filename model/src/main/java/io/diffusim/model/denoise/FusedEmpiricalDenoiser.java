package io.diffusim.model.denoise;

import io.diffusim.model.host.EmpiricalPass;
import io.diffusim.model.host.HostPool;
import io.diffusim.model.host.HostRows;
import io.diffusim.model.process.ForwardProcess;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The optimal empirical denoiser of a point set (docs/science.md §3.2) as a fused host kernel: one pass per particle
 * over the points ({@link EmpiricalPass}), particles in parallel on a {@link HostPool}. The same posterior as
 * {@link EmpiricalDenoiser} (to rounding), unconditional and uniformly weighted as runs build it; a particle's bits
 * depend neither on its batch nor on the thread count.
 */
public final class FusedEmpiricalDenoiser implements Denoiser {

    /** Rows per parallel task: at 2,000 points a block is some 130,000 exponentials. */
    private static final int BLOCK_ROWS = 32;

    private final ForwardProcess process;
    private final EmpiricalPass pass;
    private final HostPool pool;

    /** Uniform weights on the shared pool. */
    public FusedEmpiricalDenoiser(ForwardProcess process, INDArray points) {
        this(process, points, null, HostPool.shared());
    }

    /** Weights (null = uniform; normalised, all > 0) and the pool to run on. */
    public FusedEmpiricalDenoiser(ForwardProcess process, INDArray points, double[] weights, HostPool pool) {
        if (points == null || points.rank() != 2 || points.rows() == 0) {
            throw new IllegalArgumentException("points must be a non-empty [n, D] matrix");
        }
        int n = (int) points.rows();
        this.process = process;
        this.pass = new EmpiricalPass(HostRows.read(points), n, (int) points.columns(), logWeights(weights, n));
        this.pool = pool;
    }

    @Override
    public Prediction evaluate(EvalRequest request) {
        int d = pass.dimension();
        double[] x = HostInput.of(request, d);
        NoiseCoefficients c = NoiseCoefficients.of(process, request);
        double[] x0 = new double[request.batch() * d];
        double[] secondMoment = new double[request.batch()];
        pool.forEachBlock(request.batch(), BLOCK_ROWS, (from, to) -> {
            for (int r = from; r < to; r++) {
                pass.row(x, r, c.a(r), c.b(r), x0, secondMoment);
            }
        });
        return HostPosteriorMean.of(request.x().castTo(DataType.DOUBLE), x, x0, secondMoment, c, d);
    }

    @Override
    public ForwardProcess process() {
        return process;
    }

    @Override
    public int dimension() {
        return pass.dimension();
    }

    private static double[] logWeights(double[] weights, int n) {
        if (weights == null) {
            return null;
        }
        if (weights.length != n) {
            throw new IllegalArgumentException(weights.length + " weights for " + n + " points");
        }
        double total = 0;
        for (double w : weights) {
            if (!(w > 0) || !Double.isFinite(w)) {
                throw new IllegalArgumentException("weight " + w + ": the fused denoiser needs finite weights > 0");
            }
            total += w;
        }
        double[] logWeights = new double[n];
        for (int j = 0; j < n; j++) {
            logWeights[j] = Math.log(weights[j] / total);
        }
        return logWeights;
    }
}
