package io.diffusim.model.posterior;

import io.diffusim.model.Matmul;
import io.diffusim.model.data.GaussianMixture;
import io.diffusim.model.denoise.SoftmaxAccumulator;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Gaussian mixture sum_k pi_k N(mu_k, Sigma_k) under x_t = a x_0 + b eps: C_k = a^2 Sigma_k + b^2 I handled in
 * each component's eigenbasis, responsibilities by streaming LSE over components, component means
 * mu_k + a Sigma_k C_k^-1 (x_t - a mu_k) held explicitly per pair (docs/science.md §3.1, §3.4).
 */
public final class GaussianMixtureLikelihood implements DataLikelihood {

    private static final double LN_2PI = Math.log(2 * Math.PI);

    /** One component in its eigenbasis: U (null when diagonal), eigenvalues [1, D], U^T mu [1, D]. */
    private record Component(double lnWeight, INDArray basis, INDArray eigenvalues, INDArray rotatedMean) {
    }

    private final List<Component> components = new ArrayList<>();
    private final int dimension;

    public GaussianMixtureLikelihood(GaussianMixture mixture) {
        this.dimension = mixture.dimension();
        boolean diagonal = mixture.diagonal();
        for (int k = 0; k < mixture.components(); k++) {
            if (mixture.weights()[k] == 0) {
                continue; // zero-weight components never contribute
            }
            double[][] cov = mixture.covariances()[k];
            INDArray mean = row(mixture.means()[k]);
            if (diagonal) {
                double[] variances = new double[dimension];
                for (int i = 0; i < dimension; i++) {
                    variances[i] = cov[i][i];
                }
                components.add(new Component(Math.log(mixture.weights()[k]), null, row(variances), mean));
            } else {
                EigenDecomposition eigen = new EigenDecomposition(MatrixUtils.createRealMatrix(cov));
                INDArray basis = Nd4j.createFromArray(eigen.getV().getData());
                double[] lambda = eigen.getRealEigenvalues().clone();
                for (int i = 0; i < lambda.length; i++) {
                    lambda[i] = Math.max(0, lambda[i]); // PSD: clip round-off negatives
                }
                components.add(new Component(Math.log(mixture.weights()[k]), basis, row(lambda), mean.mmul(basis)));
            }
        }
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public long pairCost(boolean withMean) {
        return (withMean ? 6L : 3L) * dimension;
    }

    @Override
    public Rows prepare(INDArray x) {
        INDArray rows = x.castTo(DataType.DOUBLE);
        List<INDArray> projections = new ArrayList<>();
        for (Component c : components) {
            projections.add(c.basis() == null ? rows : Matmul.times(rows, c.basis()));
        }
        MeanSum means = new MeanSum();
        return new Rows() {
            @Override
            public INDArray x() {
                return rows;
            }

            @Override
            public Pairs evaluate(int perRow, INDArray a, INDArray b, boolean withMean) {
                return evaluatePairs(rows, projections, perRow, a, b, withMean, means);
            }

            @Override
            public void rescaleMean(INDArray scale) {
                means.rescale(scale);
            }

            @Override
            public INDArray meanSum() {
                INDArray sum = means.value();
                return sum == null ? Nd4j.zeros(DataType.DOUBLE, rows.rows(), dimension) : sum.dup();
            }
        };
    }

    private Pairs evaluatePairs(INDArray x, List<INDArray> projections, int perRow, INDArray a, INDArray b,
                                boolean withMean, MeanSum means) {
        int pairs = (int) x.rows() * perRow;
        if (a.length() == 1 && pairs > 1) {
            // one node shared by every row: the per-component arithmetic below wants per-pair columns
            a = Nd4j.valueArrayOf(new long[] {pairs, 1}, a.getDouble(0), DataType.DOUBLE);
            b = Nd4j.valueArrayOf(new long[] {pairs, 1}, b.getDouble(0), DataType.DOUBLE);
        }
        INDArray aSq = a.mul(a);
        INDArray bSq = b.mul(b);
        // per component: its log-likelihood term, with [m_k | 1] as the value so the running LSE also averages means
        SoftmaxAccumulator lse = new SoftmaxAccumulator();
        INDArray values = Nd4j.ones(DataType.DOUBLE, pairs, dimension + 1);
        INDArray meanColumns = values.get(NDArrayIndex.all(), NDArrayIndex.interval(0, dimension));
        for (int k = 0; k < components.size(); k++) {
            Component c = components.get(k);
            // residual y = U^T (x - a mu) and per-direction variance a^2 lambda + b^2
            INDArray y = PointSetLikelihood.repeatRows(projections.get(k), perRow).subi(Matmul.times(a, c.rotatedMean()));
            INDArray variance = Matmul.times(aSq, c.eigenvalues()).addiColumnVector(bSq);
            INDArray logit = y.mul(y).divi(variance).sum(true, 1)
                    .addi(Transforms.log(variance, true).sum(true, 1))
                    .muli(-0.5).addi(c.lnWeight() - 0.5 * dimension * LN_2PI);
            if (withMean) {
                INDArray rotated = y.muliRowVector(c.eigenvalues()).divi(variance).muliColumnVector(a)
                        .addiRowVector(c.rotatedMean());
                meanColumns.assign(c.basis() == null ? rotated : Matmul.timesTransposed(rotated, c.basis()));
            }
            lse.acceptRows(logit, withMean ? values : values.getColumn(dimension, true));
        }
        INDArray logLikelihood = lse.logNormaliser();
        INDArray mean = withMean
                ? lse.weightedMeans().get(NDArrayIndex.all(), NDArrayIndex.interval(0, dimension)).dup()
                : null;
        return new ExplicitMeanPairs(logLikelihood, mean, withMean ? PointSetLikelihood.repeatRows(x, perRow) : null, perRow,
                means);
    }

    private static INDArray row(double[] values) {
        return Nd4j.createFromArray(values).reshape(1, values.length);
    }
}
