package io.diffusim.model.posterior;

import io.diffusim.model.process.ForwardProcess;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Single-pass quadrature of the effective target R(x) = sum_g w_g R(x | t_g) on one fixed grid shared by every
 * row (docs/science.md §3.4 with a given grid; the EqM optimal field of §3.5 uses the midpoint rule in gamma).
 */
public final class FixedGridPosterior {

    private final DataLikelihood likelihood;
    private final ForwardProcess process;
    private final QuadratureGrid grid;

    public FixedGridPosterior(DataLikelihood likelihood, ForwardProcess process, QuadratureGrid grid) {
        if (!grid.shared()) {
            throw new IllegalArgumentException("a fixed grid must be shared by every row");
        }
        this.likelihood = likelihood;
        this.process = process;
        this.grid = grid;
    }

    /** R(x) [B, D] and E(x) [B, 1]; both moment pairs are this single pass's E[t | x], Var[t | x]. */
    public EffectiveTarget effectiveTarget(INDArray x, RegressionTarget target) {
        List<INDArray> targets = new ArrayList<>();
        List<INDArray> columns = new ArrayList<>();
        for (INDArray rows : rowBlocks(x)) {
            PosteriorAccumulator acc = integrate(rows, target, true);
            INDArray r = acc.target();
            targets.add(r);
            columns.add(Nd4j.hstack(acc.targetError(r), acc.meanDt(), acc.variance()));
        }
        INDArray scalars = stack(columns);
        INDArray mean = column(scalars, 1);
        INDArray variance = column(scalars, 2);
        return new EffectiveTarget(stack(targets), column(scalars, 0), new NoiseLevelMoments(mean, variance, mean, variance));
    }

    /** R(x) [B, D] alone: skips E(x) and the moments (the per-step sampling path). */
    public INDArray target(INDArray x, RegressionTarget target) {
        List<INDArray> targets = new ArrayList<>();
        for (INDArray rows : rowBlocks(x)) {
            targets.add(integrate(rows, target, false).target());
        }
        return stack(targets);
    }

    private PosteriorAccumulator integrate(INDArray rows, RegressionTarget target, boolean withError) {
        return GridQuadrature.integrate(likelihood, likelihood.prepare(rows), grid, process, target, null, withError);
    }

    /** Views of the rows in blocks of as many as the quadrature prepares at once. */
    private List<INDArray> rowBlocks(INDArray x) {
        List<INDArray> blocks = new ArrayList<>();
        long batch = x.rows();
        int block = GridQuadrature.rowBlock(likelihood, batch);
        for (long r0 = 0; r0 < batch; r0 += block) {
            blocks.add(x.get(NDArrayIndex.interval(r0, Math.min(batch, r0 + block)), NDArrayIndex.all()));
        }
        return blocks;
    }

    private static INDArray stack(List<INDArray> parts) {
        return parts.size() == 1 ? parts.get(0) : Nd4j.vstack(parts.toArray(INDArray[]::new));
    }

    private static INDArray column(INDArray m, long c) {
        return m.getColumn(c, true).dup();
    }
}
