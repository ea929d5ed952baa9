package io.diffusim.model.eqm;

import io.diffusim.model.data.Dataset;
import io.diffusim.model.host.EmpiricalPass;
import io.diffusim.model.host.HostPool;
import io.diffusim.model.host.HostRows;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The optimal EqM gradient field of an equally weighted point set (docs/science.md §3.5) as a fused host kernel, the
 * same field as {@link EqmOptimalField} (to rounding): per particle y and midpoint node gamma_g, one pass over the
 * points ({@link EmpiricalPass}) gives {@code ln p(y | gamma_g)} and the posterior mean x0-hat_g, and a running
 * log-sum-exp over the nodes (science.md §0) forms
 * {@code f*(y) = sum_g P(g | y) k(gamma_g) (y - x0-hat_g) = (K y - M) / T} with {@code T = sum_g w_g},
 * {@code K = sum_g w_g k_g}, {@code M = sum_g w_g k_g x0-hat_g}. The node weights ln(1/G) are equal and cancel.
 * Particles in parallel on a {@link HostPool}; a particle's bits depend neither on its batch nor on the thread count.
 */
public final class FusedEqmField implements GradientField {

    /** Rows per parallel task: a row costs G passes over the points. */
    private static final int BLOCK_ROWS = 4;

    private final EmpiricalPass pass;
    private final double[] gamma;
    private final double[] magnitude;
    private final HostPool pool;

    /** @param points the data {@code [n, D]}, equally weighted; {@code gridPoints} midpoint nodes in gamma */
    public FusedEqmField(INDArray points, MagnitudeFunction c, int gridPoints, HostPool pool) {
        if (gridPoints < 1) {
            throw new IllegalArgumentException("gamma grid needs >= 1 node, got " + gridPoints);
        }
        if (points == null || points.rank() != 2 || points.rows() == 0) {
            throw new IllegalArgumentException("points must be a non-empty [n, D] matrix");
        }
        this.pass = new EmpiricalPass(HostRows.read(points), (int) points.rows(), (int) points.columns(), null);
        this.gamma = new double[gridPoints];
        this.magnitude = new double[gridPoints];
        for (int g = 0; g < gridPoints; g++) {
            // the nodes of QuadratureGrid.midpoint(0, 1, G)
            gamma[g] = (g + 0.5) * (1.0 / gridPoints);
            magnitude[g] = c.k(gamma[g]);
        }
        this.pool = pool;
    }

    /** The field of a data set's points on the shared pool. */
    public static FusedEqmField of(Dataset data, MagnitudeFunction c, int gridPoints) {
        return new FusedEqmField(data.points(), c, gridPoints, HostPool.shared());
    }

    /** f*(y) for rows y [B, D] (fresh array). */
    @Override
    public INDArray field(INDArray y) {
        int d = pass.dimension();
        if (y.rank() != 2 || y.columns() != d) {
            throw new IllegalArgumentException("rows must be [B, " + d + "], got " + java.util.Arrays.toString(y.shape()));
        }
        double[] x = HostRows.read(y);
        int batch = (int) y.rows();
        double[] f = new double[batch * d];
        pool.forEachBlock(batch, BLOCK_ROWS, (from, to) -> {
            double[] mean = new double[d];
            double[] sums = new double[d];
            for (int r = from; r < to; r++) {
                row(x, r, mean, sums, f);
            }
        });
        return HostRows.matrix(f, batch, d);
    }

    /** One particle's field into f[r D ..]; {@code mean} and {@code sums} are the caller's scratch. */
    private void row(double[] x, int r, double[] mean, double[] sums, double[] f) {
        int d = pass.dimension();
        int at = r * d;
        double squaredNorm = 0;
        for (int k = 0; k < d; k++) {
            squaredNorm += x[at + k] * x[at + k];
        }
        java.util.Arrays.fill(sums, 0.0);
        double max = Double.NEGATIVE_INFINITY;
        double total = 0;
        double gain = 0;
        for (int g = 0; g < gamma.length; g++) {
            double b = 1 - gamma[g];
            // ln p(y | gamma_g) without the node-free -(D/2) ln 2 pi
            double logLikelihood = pass.logSum(x, at, gamma[g], b, mean, 0) - squaredNorm / (2 * b * b) - d * Math.log(b);
            if (logLikelihood > max) {
                double rescale = Math.exp(max - logLikelihood);
                total *= rescale;
                gain *= rescale;
                for (int k = 0; k < d; k++) {
                    sums[k] *= rescale;
                }
                max = logLikelihood;
            }
            double w = Math.exp(logLikelihood - max);
            double wk = w * magnitude[g];
            total += w;
            gain += wk;
            for (int k = 0; k < d; k++) {
                sums[k] += wk * mean[k];
            }
        }
        for (int k = 0; k < d; k++) {
            f[at + k] = (gain * x[at + k] - sums[k]) / total;
        }
    }

    @Override
    public int dimension() {
        return pass.dimension();
    }
}
