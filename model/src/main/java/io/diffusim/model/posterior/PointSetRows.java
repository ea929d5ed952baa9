package io.diffusim.model.posterior;

import io.diffusim.model.Matmul;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Prepared rows of a {@link PointSetLikelihood} (docs/science.md §3.2, §3.4): the Gram matrix against the data, two
 * work arrays reused by every block of pairs (allocating [M, n] per node costs more than the arithmetic), and the
 * running mean sum kept as weights on the points.
 *
 * <p>A block's log-terms l_pj = a/b^2 <x, x_j> - a^2/(2b^2) ||x_j||^2 + ln pi_j + c_p - shift_p are formed from
 * G in three in-place passes, with the shift folded in when {@link DataLikelihood.Pairs#weigh} comes first, so a
 * node shared by all rows costs those passes, an exp, a row sum and the mean's axpy over [r, n].
 */
final class PointSetRows implements DataLikelihood.Rows {

    private final PointSetLikelihood likelihood;
    private final INDArray x;
    private final INDArray gram;
    private final INDArray rowSq;
    private final MeanSum weightSum = new MeanSum();
    private final WorkArray logits;
    private final WorkArray products;

    PointSetRows(PointSetLikelihood likelihood, INDArray x, INDArray gram, INDArray rowSq) {
        this.likelihood = likelihood;
        this.x = x;
        this.gram = gram;
        this.rowSq = rowSq;
        this.logits = new WorkArray(gram.columns());
        this.products = new WorkArray(gram.columns());
    }

    @Override
    public INDArray x() {
        return x;
    }

    @Override
    public DataLikelihood.Pairs evaluate(int perRow, INDArray a, INDArray b, boolean withMean) {
        if (a.length() == 1 && perRow == 1) {
            // one node for every row: scalar coefficients, the Gram matrix used as is
            double av = a.getDouble(0);
            double bv = b.getDouble(0);
            double gain = av / (bv * bv);
            return new Block(gram, new double[] {gain, -0.5 * av * gain}, null, null, likelihood.pairConstant(rowSq, bv), 1);
        }
        INDArray gramRows = perRow == 1 ? gram : PointSetLikelihood.repeatRows(gram, perRow);
        INDArray gains = a.div(b.mul(b));
        INDArray constant = likelihood.pairConstant(PointSetLikelihood.repeatRows(rowSq, perRow), b);
        return new Block(gramRows, null, gains, a.mul(gains).muli(-0.5), constant, perRow);
    }

    @Override
    public void rescaleMean(INDArray scale) {
        weightSum.rescale(scale);
    }

    @Override
    public INDArray meanSum() {
        INDArray weights = weightSum.value();
        return weights == null ? Nd4j.zeros(DataType.DOUBLE, x.rows(), x.columns()) : Matmul.times(weights, likelihood.points());
    }

    /**
     * Log-terms [M, n] of one block with gain a/b^2 and quadratic coefficient -a^2/(2b^2): shared scalars
     * {@code {gain, quadratic}}, or per pair as {@code gains} and {@code quadratics} [M, 1].
     */
    private final class Block implements DataLikelihood.Pairs {
        private final INDArray gramRows;
        private final double[] shared;
        private final INDArray gains;
        private final INDArray quadratics;
        private final INDArray constant;
        private final int perRow;
        private final INDArray terms;
        private boolean unshifted;
        private INDArray weights;

        Block(INDArray gramRows, double[] shared, INDArray gains, INDArray quadratics, INDArray constant, int perRow) {
            this.gramRows = gramRows;
            this.shared = shared;
            this.gains = gains;
            this.quadratics = quadratics;
            this.constant = constant;
            this.perRow = perRow;
            this.terms = perRow == 1 ? logits.rows(gramRows.rows()) : Nd4j.create(DataType.DOUBLE, gramRows.shape());
        }

        @Override
        public INDArray peak() {
            if (!unshifted) {
                form(constant);
                unshifted = true;
            }
            return terms.max(true, 1);
        }

        @Override
        public INDArray weigh(INDArray shift) {
            if (unshifted) {
                terms.subiColumnVector(shift);
            } else {
                form(constant.sub(shift));
            }
            unshifted = false;
            Transforms.exp(terms, false);
            weights = likelihood.rowSums(terms);
            return weights.dup();
        }

        @Override
        public INDArray weightedMeanSquaredNorm() {
            // w ||x0-hat||^2 = ||sum_j e_j x_j||^2 / w; an all-zero node gives 0, not 0/0
            return likelihood.squaredNormOfCombination(terms).divi(Transforms.max(weights, Double.MIN_NORMAL, true));
        }

        @Override
        public INDArray weightedMeanDotInput() {
            INDArray out = perRow == 1 ? products.rows(terms.rows()) : Nd4j.create(DataType.DOUBLE, terms.shape());
            return likelihood.rowSums(terms.mul(gramRows, out));
        }

        @Override
        public void addWeightedMean(INDArray alpha) {
            if (perRow == 1 && alpha.length() == 1) {
                weightSum.add(alpha.getDouble(0), terms);
            } else if (perRow == 1) {
                weightSum.add(terms.muliColumnVector(alpha));
            } else {
                weightSum.add(terms.muliColumnVector(alpha).reshape(x.rows(), perRow, terms.columns()).sum(1));
            }
        }

        /** terms = gain G - a^2/(2b^2) ||x_j||^2 + ln pi_j + offset, with per-pair offsets [M, 1]. */
        private void form(INDArray offset) {
            if (shared != null) {
                likelihood.addPointTerms(gramRows.mul(shared[0], terms), shared[1]);
            } else {
                likelihood.addPointTerms(terms.assign(gramRows).muliColumnVector(gains), quadratics);
            }
            terms.addiColumnVector(offset);
        }
    }

    /** A [rows, n] work array kept at its largest size so far, handed out as views of its first rows. */
    private static final class WorkArray {
        private final long columns;
        private INDArray full;

        WorkArray(long columns) {
            this.columns = columns;
        }

        INDArray rows(long rows) {
            if (full == null || full.rows() < rows) {
                full = Nd4j.create(DataType.DOUBLE, rows, columns);
            }
            return full.rows() == rows ? full : full.get(NDArrayIndex.interval(0, rows), NDArrayIndex.all());
        }
    }
}
