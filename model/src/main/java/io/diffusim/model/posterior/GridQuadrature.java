package io.diffusim.model.posterior;

import io.diffusim.model.process.ForwardProcess;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One quadrature pass of p(t | x_t) ∝ p(t) p(x_t | t) for a prepared block of rows (docs/science.md §3.4): nodes are
 * evaluated in blocks of (row, node) pairs sized to a memory budget and folded into a
 * {@link PosteriorAccumulator}; with a regression target it also forms R(x_t | t_g) = alpha x0-hat + beta x_t.
 * Many rows get one node per block (the likelihood then works in place on reused [rows, n] arrays), few rows get
 * as many nodes as the budget allows.
 */
final class GridQuadrature {

    /** Working-memory budget per block of pairs, in array elements. */
    static final long BLOCK_ELEMENTS = 1L << 22;

    /**
     * Work per node above which a block holds one node: its ~20 ops then outweigh their call overhead, and the
     * likelihood reuses its [rows, n] work arrays instead of allocating [rows * nodes, n] ones per block.
     */
    static final long ONE_NODE_ELEMENTS = 1L << 16;

    /** Most rows prepared at once (bounds the per-row grids and Gram matrices). */
    static final int MAX_ROWS = 1024;

    private GridQuadrature() {
    }

    /** Rows per outer block for a batch: as many as fit one node each in the budget. */
    static int rowBlock(DataLikelihood likelihood, long batch) {
        long fit = Math.max(1, BLOCK_ELEMENTS / likelihood.pairCost(true));
        return (int) Math.min(batch, Math.min(MAX_ROWS, fit));
    }

    /**
     * Integrates over the grid (shared, or one row grid per prepared row), centring times at {@code centre}
     * (per row, or null for 0), forming targets when {@code target} is not null and their error when
     * {@code withError}.
     */
    static PosteriorAccumulator integrate(DataLikelihood likelihood, DataLikelihood.Rows rows, QuadratureGrid grid,
                                          ForwardProcess process, RegressionTarget target, double[] centre,
                                          boolean withError) {
        int r = (int) rows.x().rows();
        if (!grid.shared() && grid.rows() != r) {
            throw new IllegalArgumentException("grid has " + grid.rows() + " row grids for " + r + " rows");
        }
        long perPair = likelihood.pairCost(target != null) + 16;
        long cost = r * perPair;
        int nodesPerBlock = cost >= ONE_NODE_ELEMENTS ? 1 : (int) Math.min(grid.points(), BLOCK_ELEMENTS / cost);
        PosteriorAccumulator acc = new PosteriorAccumulator(rows);
        for (int g0 = 0; g0 < grid.points(); g0 += nodesPerBlock) {
            int gc = Math.min(nodesPerBlock, grid.points() - g0);
            // a shared grid's node values are row 0's; the likelihood gets them per pair unless one node serves all
            int gridRows = grid.shared() ? 1 : r;
            int m = gridRows * gc;
            double[] a = new double[m];
            double[] b = new double[m];
            double[] dt = new double[m];
            double[] lnW = new double[m];
            double[] alpha = target == null ? null : new double[m];
            double[] beta = target == null ? null : new double[m];
            for (int i = 0; i < gridRows; i++) {
                for (int g = 0; g < gc; g++) {
                    int p = i * gc + g;
                    double t = grid.t(i, g0 + g);
                    dt[p] = t - (centre == null ? 0 : centre[i]);
                    a[p] = process.a(t);
                    b[p] = process.b(t);
                    lnW[p] = grid.lnWeight(i, g0 + g);
                    if (target != null) {
                        alpha[p] = target.signalCoefficient(t, a[p], b[p]);
                        beta[p] = target.inputCoefficient(t, a[p], b[p]);
                    }
                }
            }
            // the likelihood takes one shared node as scalars, anything else per pair
            boolean oneNode = grid.shared() && gc == 1;
            int repeat = grid.shared() && !oneNode ? r : 1;
            DataLikelihood.Pairs pairs = rows.evaluate(gc, column(a, repeat), column(b, repeat), target != null);
            acc.add(pairs, new NodeBlock(r, gc, grid.shared(), lnW, dt, alpha, beta), withError);
        }
        return acc;
    }

    /** The values as a column [times * length, 1], the whole array repeated {@code times} times. */
    private static INDArray column(double[] values, int times) {
        double[] repeated = new double[times * values.length];
        for (int i = 0; i < times; i++) {
            System.arraycopy(values, 0, repeated, i * values.length, values.length);
        }
        return Nd4j.createFromArray(repeated).reshape(repeated.length, 1);
    }
}
