package io.diffusim.model.posterior;

import io.diffusim.model.process.ForwardProcess;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One quadrature pass of p(t | x_t) ∝ p(t) p(x_t | t) for a prepared block of rows (SCIENCE.md §3.4): nodes are
 * evaluated in blocks of (row, node) pairs sized to a memory budget and folded into a
 * {@link PosteriorAccumulator}; with a regression target it also forms R(x_t | t_g) = alpha x0-hat + beta x_t.
 */
final class GridQuadrature {

    /** Working-memory budget per block of pairs, in array elements. */
    static final long BLOCK_ELEMENTS = 1L << 22;

    /** Most rows prepared at once (bounds the per-row grids and Gram matrices). */
    static final int MAX_ROWS = 256;

    private GridQuadrature() {
    }

    /** Rows per outer block for a batch: as many as fit one node each in the budget. */
    static int rowBlock(DataLikelihood likelihood, long batch) {
        long fit = Math.max(1, BLOCK_ELEMENTS / likelihood.pairCost(true));
        return (int) Math.min(batch, Math.min(MAX_ROWS, fit));
    }

    /**
     * Integrates over the grid (shared, or one row grid per prepared row), centring times at {@code centre}
     * (per row, or null for 0) and forming targets when {@code target} is not null.
     */
    static PosteriorAccumulator integrate(DataLikelihood likelihood, DataLikelihood.Rows rows, QuadratureGrid grid,
                                          ForwardProcess process, RegressionTarget target, double[] centre) {
        int r = (int) rows.x().rows();
        if (!grid.shared() && grid.rows() != r) {
            throw new IllegalArgumentException("grid has " + grid.rows() + " row grids for " + r + " rows");
        }
        long perPair = likelihood.pairCost(target != null) + 16;
        long cost = r * perPair;
        int nodesPerBlock = (int) Math.max(1, Math.min(grid.points(), BLOCK_ELEMENTS / cost));
        PosteriorAccumulator acc = new PosteriorAccumulator(rows.x());
        for (int g0 = 0; g0 < grid.points(); g0 += nodesPerBlock) {
            int gc = Math.min(nodesPerBlock, grid.points() - g0);
            int m = r * gc;
            double[] a = new double[m];
            double[] b = new double[m];
            double[] dt = new double[m];
            double[] lnW = new double[m];
            double[] alpha = target == null ? null : new double[m];
            double[] beta = target == null ? null : new double[m];
            for (int i = 0; i < r; i++) {
                for (int g = 0; g < gc; g++) {
                    int p = i * gc + g;
                    double t = grid.t(i, g0 + g);
                    dt[p] = t - (centre == null ? 0 : centre[i]);
                    if (grid.shared() && i > 0) {
                        // a shared grid's coefficients repeat row 0's
                        copy(p, g, a, b, lnW, alpha, beta);
                        continue;
                    }
                    a[p] = process.a(t);
                    b[p] = process.b(t);
                    lnW[p] = grid.lnWeight(i, g0 + g);
                    if (target != null) {
                        alpha[p] = target.signalCoefficient(t, a[p], b[p]);
                        beta[p] = target.inputCoefficient(t, a[p], b[p]);
                    }
                }
            }
            DataLikelihood.Pairs pairs = rows.evaluate(gc, column(a), column(b), target != null);
            INDArray logWeights = pairs.logLikelihood().addi(column(lnW)).reshape(r, gc);
            acc.add(logWeights, matrix(dt, r, gc), target == null ? null : pairs,
                    target == null ? null : matrix(alpha, r, gc), target == null ? null : matrix(beta, r, gc));
        }
        return acc;
    }

    private static void copy(int to, int from, double[]... arrays) {
        for (double[] array : arrays) {
            if (array != null) {
                array[to] = array[from];
            }
        }
    }

    private static INDArray matrix(double[] values, int r, int c) {
        return Nd4j.createFromArray(values).reshape(r, c);
    }

    private static INDArray column(double[] values) {
        return Nd4j.createFromArray(values).reshape(values.length, 1);
    }
}
