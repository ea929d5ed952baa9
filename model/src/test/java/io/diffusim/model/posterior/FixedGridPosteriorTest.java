package io.diffusim.model.posterior;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The single-grid effective target of docs/science.md §3.4 against the direct double sum over nodes and points. */
class FixedGridPosteriorTest {

    private static final int D = 20;
    private static final int POINTS = 20;
    private static final int GRID = 64;
    private static final int ROWS = 1424;
    private static final double REL_TOL = 1e-9;

    /**
     * Rows at, near and far from the data under flow matching on the midpoint grid. Far rows gain over a hundred
     * ln-units between the first and the last nodes; the first 1024 rows (the most prepared at once) take one node
     * per block, so the streaming sums rebase between blocks, and the other 400 take all nodes in one block.
     */
    @Test
    void shouldMatchTheDirectDoubleSumWhenNodeWeightsSpanHundredsOfLogUnits() {
        SplittableRandom random = new SplittableRandom(5);
        double[][] points = gaussian(random, POINTS, 1.0);
        double[][] rows = gaussian(random, ROWS, 1.0);
        for (int r = 0; r < ROWS; r++) {
            double[] x = points[r % POINTS];
            double t = random.nextDouble();
            for (int i = 0; i < D; i++) {
                switch (r % 4) {
                    case 0 -> rows[r][i] = x[i];
                    case 1 -> rows[r][i] = (1 - t) * x[i] + t * rows[r][i];
                    case 2 -> rows[r][i] = 3 + 0.1 * rows[r][i];
                    default -> { }
                }
            }
        }
        FixedGridPosterior posterior = new FixedGridPosterior(PointSetLikelihood.uniform(Nd4j.createFromArray(points)),
                TestProcesses.flowMatching(), QuadratureGrid.midpoint(0, 1, GRID));
        EffectiveTarget result = posterior.effectiveTarget(Nd4j.createFromArray(rows), RegressionTarget.flowVelocity());
        double[][] target = result.target().toDoubleMatrix();
        double[] error = result.error().toDoubleVector();
        double[] mean = result.moments().mean().toDoubleVector();
        double[] variance = result.moments().variance().toDoubleVector();
        double worstTarget = 0;
        double worstError = 0;
        double worstMean = 0;
        double worstVariance = 0;
        for (int r = 0; r < ROWS; r++) {
            Direct expected = direct(points, rows[r]);
            // at a data point R is round-off around 0, so errors are relative to max(||R||, 1)
            double scale = Math.max(norm(expected.target()), 1);
            for (int i = 0; i < D; i++) {
                worstTarget = Math.max(worstTarget, Math.abs(target[r][i] - expected.target()[i]) / scale);
            }
            worstError = Math.max(worstError, Math.abs(error[r] - expected.error()) / (scale * scale));
            worstMean = Math.max(worstMean, Math.abs(mean[r] - expected.mean()));
            // Var = E[t^2] - E[t]^2 carries the round-off of E[t^2]
            double secondMoment = expected.variance() + expected.mean() * expected.mean();
            worstVariance = Math.max(worstVariance, Math.abs(variance[r] - expected.variance()) / secondMoment);
        }
        assertThat(worstTarget).isLessThan(REL_TOL);
        assertThat(worstError).isLessThan(REL_TOL);
        assertThat(worstMean).isLessThan(REL_TOL);
        assertThat(worstVariance).isLessThan(REL_TOL);
    }

    @Test
    void shouldGiveTheSameTargetWhenTheErrorIsSkipped() {
        SplittableRandom random = new SplittableRandom(6);
        INDArray rows = Nd4j.createFromArray(gaussian(random, 9, 1.0));
        FixedGridPosterior posterior = new FixedGridPosterior(
                PointSetLikelihood.uniform(Nd4j.createFromArray(gaussian(random, POINTS, 1.0))),
                TestProcesses.flowMatching(), QuadratureGrid.midpoint(0, 1, GRID));
        INDArray full = posterior.effectiveTarget(rows, RegressionTarget.flowVelocity()).target();
        INDArray alone = posterior.target(rows, RegressionTarget.flowVelocity());
        assertThat(alone.sub(full).norm2Number().doubleValue()).isLessThan(REL_TOL * full.norm2Number().doubleValue());
    }

    /** Target, error and moments of t from w_gj ∝ Delta t N(z; (1 - t_g) x_j, t_g^2 I) with direct distances. */
    private static Direct direct(double[][] points, double[] z) {
        double[][] logits = new double[GRID][points.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int g = 0; g < GRID; g++) {
            double t = (g + 0.5) / GRID;
            for (int j = 0; j < points.length; j++) {
                double squared = 0;
                for (int i = 0; i < D; i++) {
                    double diff = z[i] - (1 - t) * points[j][i];
                    squared += diff * diff;
                }
                logits[g][j] = -D * Math.log(t) - squared / (2 * t * t);
                max = Math.max(max, logits[g][j]);
            }
        }
        // R_g = (z - x0-hat_g) / t for the velocity eps - x0 (alpha = -1/t, beta = 1/t)
        double total = 0;
        double[] target = new double[D];
        double[][] nodeTargets = new double[GRID][D];
        double[] nodeWeights = new double[GRID];
        double meanT = 0;
        double meanTSq = 0;
        for (int g = 0; g < GRID; g++) {
            double t = (g + 0.5) / GRID;
            double[] x0 = new double[D];
            for (int j = 0; j < points.length; j++) {
                double w = Math.exp(logits[g][j] - max);
                nodeWeights[g] += w;
                for (int i = 0; i < D; i++) {
                    x0[i] += w * points[j][i];
                }
            }
            for (int i = 0; i < D; i++) {
                nodeTargets[g][i] = nodeWeights[g] == 0 ? 0 : (z[i] - x0[i] / nodeWeights[g]) / t;
                target[i] += nodeWeights[g] * nodeTargets[g][i];
            }
            total += nodeWeights[g];
            meanT += nodeWeights[g] * t;
            meanTSq += nodeWeights[g] * t * t;
        }
        for (int i = 0; i < D; i++) {
            target[i] /= total;
        }
        double error = 0;
        for (int g = 0; g < GRID; g++) {
            for (int i = 0; i < D; i++) {
                error += nodeWeights[g] / total * (nodeTargets[g][i] - target[i]) * (nodeTargets[g][i] - target[i]);
            }
        }
        meanT /= total;
        return new Direct(target, error, meanT, meanTSq / total - meanT * meanT);
    }

    private record Direct(double[] target, double error, double mean, double variance) {
    }

    private static double[][] gaussian(SplittableRandom random, int count, double scale) {
        double[][] values = new double[count][D];
        for (double[] row : values) {
            for (int i = 0; i < D; i++) {
                row[i] = scale * random.nextGaussian();
            }
        }
        return values;
    }

    private static double norm(double[] v) {
        double sum = 0;
        for (double value : v) {
            sum += value * value;
        }
        return Math.sqrt(sum);
    }
}
