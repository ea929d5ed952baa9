package io.diffusim.model.posterior;

import io.diffusim.model.process.ForwardProcess;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The posterior over the noise level p(t | x_t) ∝ p(t) p(x_t | t) by two-pass quadrature (docs/science.md §3.4, §6):
 * pass 1 on a uniform grid over the prior's support, pass 2 on [t1 - w s1, t1 + w s1] ∩ support per row, with
 * s1 the pass-1 std floored at the local pass-1 spacing so an unresolved peak still lies inside the window.
 */
public final class NoiseLevelPosterior {

    /** Quadrature sizes: pass-1 nodes, pass-2 nodes and the pass-2 half-width in pass-1 standard deviations. */
    public record Settings(int coarsePoints, int finePoints, double windowSds) {
        public Settings {
            if (coarsePoints < 2 || finePoints < 2 || !(windowSds > 0)) {
                throw new IllegalArgumentException("need >= 2 nodes per pass and a window > 0, got "
                        + coarsePoints + ", " + finePoints + ", " + windowSds);
            }
        }

        /** docs/science.md §3.4 defaults: G = 2000, then 2001 nodes on +-12 standard deviations. */
        public static Settings defaults() {
            return new Settings(2000, 2001, 12);
        }
    }

    private final DataLikelihood likelihood;
    private final ForwardProcess process;
    private final NoisePrior prior;
    private final Settings settings;
    private final QuadratureGrid coarse;

    public NoiseLevelPosterior(DataLikelihood likelihood, ForwardProcess process, NoisePrior prior, Settings settings) {
        if (prior.lo() < process.tMin() || prior.hi() > process.tMax()) {
            throw new IllegalArgumentException("prior support [" + prior.lo() + ", " + prior.hi()
                    + "] leaves the process domain [" + process.tMin() + ", " + process.tMax() + "]");
        }
        this.likelihood = likelihood;
        this.process = process;
        this.prior = prior;
        this.settings = settings;
        this.coarse = QuadratureGrid.coarse(prior, settings.coarsePoints());
    }

    /** Both passes' E[t | x_t] and Var[t | x_t] for rows x [B, D]. */
    public NoiseLevelMoments moments(INDArray x) {
        return run(x, null).moments();
    }

    /** R(x_t), E(x_t) and the moments for rows x [B, D] under the given regression target. */
    public EffectiveTarget effectiveTarget(INDArray x, RegressionTarget target) {
        return run(x, target);
    }

    /** The data model. */
    public DataLikelihood likelihood() {
        return likelihood;
    }

    private EffectiveTarget run(INDArray x, RegressionTarget target) {
        if (x.rank() != 2 || x.columns() != likelihood.dimension()) {
            throw new IllegalArgumentException("x must be [B, " + likelihood.dimension() + "], got "
                    + java.util.Arrays.toString(x.shape()));
        }
        List<INDArray> parts = new ArrayList<>();
        long batch = x.rows();
        int block = GridQuadrature.rowBlock(likelihood, batch);
        for (long r0 = 0; r0 < batch; r0 += block) {
            INDArray rows = x.get(NDArrayIndex.interval(r0, Math.min(batch, r0 + block)), NDArrayIndex.all());
            DataLikelihood.Rows prepared = likelihood.prepare(rows);
            PosteriorAccumulator pass1 = GridQuadrature.integrate(likelihood, prepared, coarse, process, null, null, false);
            double[] centre = pass1.meanDt().toDoubleVector();
            double[] sd = pass1.variance().toDoubleVector();
            double[] halfWidth = new double[centre.length];
            for (int i = 0; i < centre.length; i++) {
                double sdFloor = coarse.spacingAt(centre[i]);
                halfWidth[i] = settings.windowSds() * Math.max(Math.sqrt(Math.max(sd[i], 0)), sdFloor);
            }
            QuadratureGrid fine = QuadratureGrid.windows(prior, centre, halfWidth, settings.finePoints());
            PosteriorAccumulator pass2 = GridQuadrature.integrate(likelihood, prepared, fine, process, target, centre, true);
            INDArray centreColumn = Nd4j.createFromArray(centre).reshape(centre.length, 1);
            parts.add(Nd4j.hstack(pass1.meanDt(), pass1.variance(), pass2.meanDt().addi(centreColumn), pass2.variance()));
            if (target != null) {
                INDArray r = pass2.target();
                parts.add(Nd4j.hstack(r, pass2.targetError(r)));
            }
        }
        return assemble(parts, target != null);
    }

    private static EffectiveTarget assemble(List<INDArray> parts, boolean withTarget) {
        int stride = withTarget ? 2 : 1;
        List<INDArray> moments = new ArrayList<>();
        List<INDArray> targets = new ArrayList<>();
        for (int i = 0; i < parts.size(); i += stride) {
            moments.add(parts.get(i));
            if (withTarget) {
                targets.add(parts.get(i + 1));
            }
        }
        INDArray m = Nd4j.vstack(moments.toArray(INDArray[]::new));
        NoiseLevelMoments result = new NoiseLevelMoments(col(m, 0), col(m, 1), col(m, 2), col(m, 3));
        if (!withTarget) {
            return new EffectiveTarget(null, null, result);
        }
        INDArray t = Nd4j.vstack(targets.toArray(INDArray[]::new));
        long d = t.columns() - 1;
        return new EffectiveTarget(t.get(NDArrayIndex.all(), NDArrayIndex.interval(0, d)).dup(), col(t, d), result);
    }

    private static INDArray col(INDArray m, long c) {
        return m.getColumn(c, true).dup();
    }
}
