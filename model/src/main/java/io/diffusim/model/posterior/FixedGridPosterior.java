package io.diffusim.model.posterior;

import io.diffusim.model.process.ForwardProcess;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Single-pass quadrature of the effective target R(x) = sum_g w_g R(x | t_g) on one fixed grid shared by every
 * row (SCIENCE.md §3.4 with a given grid; the EqM optimal field of §3.5 uses the midpoint rule in gamma).
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
        List<INDArray> parts = new ArrayList<>();
        long batch = x.rows();
        int block = GridQuadrature.rowBlock(likelihood, batch);
        for (long r0 = 0; r0 < batch; r0 += block) {
            INDArray rows = x.get(NDArrayIndex.interval(r0, Math.min(batch, r0 + block)), NDArrayIndex.all());
            PosteriorAccumulator acc = GridQuadrature.integrate(likelihood, likelihood.prepare(rows), grid, process, target, null);
            parts.add(Nd4j.hstack(acc.target(), acc.targetError(), acc.meanDt(), acc.variance()));
        }
        INDArray all = Nd4j.vstack(parts.toArray(INDArray[]::new));
        long d = all.columns() - 3;
        INDArray mean = all.getColumn(d + 1, true).dup();
        INDArray variance = all.getColumn(d + 2, true).dup();
        return new EffectiveTarget(all.get(NDArrayIndex.all(), NDArrayIndex.interval(0, d)).dup(),
                all.getColumn(d, true).dup(), new NoiseLevelMoments(mean, variance, mean, variance));
    }
}
