package io.diffusim.model.posterior;

import io.diffusim.model.denoise.SoftmaxAccumulator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Streaming quadrature sums for a block of r rows over blocks of grid nodes (docs/science.md §3.4). A streaming LSE over
 * the node log-weights l_g = ln p(x_t | t_g) + ln p(t_g) Delta t_g keeps per row, on the scale of its running max m,
 * sum_g e^(l_g - m) [dt, dt^2, beta_g, ||R_g||^2, 1] with R_g = alpha_g x0-hat_g + beta_g x and
 * ||R_g||^2 = alpha^2 ||x0-hat||^2 + 2 alpha beta <x0-hat, x> + beta^2 ||x||^2; the rows' likelihood keeps
 * sum_g e^(l_g - m) alpha_g x0-hat_g on the same scale.
 *
 * <p>Blocks are weighed directly at the shift m - ln(p(t) Delta t), so the likelihood folds the shift into the work
 * it does anyway; only the first block, or one whose weights exceed {@link #MAX_WEIGHT}, asks for its peak first
 * and raises m. A block far below m underflows to 0, which is its exact weight relative to the final max.
 */
final class PosteriorAccumulator {

    /** Largest weight e^(l - m) accepted without rebasing: e^100 stays finite even squared and summed. */
    static final double MAX_WEIGHT = Math.exp(100);

    /** Nodes of a shared grid whose weights are summed by one mmul. */
    static final int STAGE_NODES = 64;

    private static final int DT = 0;
    private static final int DT_SQ = 1;
    private static final int BETA = 2;
    private static final int SQUARE = 3;
    private static final int ONE = 4;

    private final DataLikelihood.Rows rows;
    private final int r;
    private final INDArray xSq;
    private final SoftmaxAccumulator softmax = new SoftmaxAccumulator();
    private NodeStage stage;

    PosteriorAccumulator(DataLikelihood.Rows rows) {
        this.rows = rows;
        this.r = (int) rows.x().rows();
        this.xSq = rows.x().mul(rows.x()).sum(true, 1);
    }

    /** Adds the likelihood's pairs of a block of nodes, with E's sums when {@code withError}. */
    void add(DataLikelihood.Pairs pairs, NodeBlock nodes, boolean withError) {
        if (!softmax.hasMax()) {
            softmax.raiseMax(levels(pairs, nodes));
        }
        INDArray w = pairs.weigh(shift(nodes));
        if (!(w.maxNumber().doubleValue() <= MAX_WEIGHT)) {
            // the block rose far above the running max: rebase at its peak, then weigh it again
            drainStage();
            INDArray scale = softmax.raiseMax(levels(pairs, nodes));
            if (nodes.alpha() != null) {
                rows.rescaleMean(scale);
            }
            w = pairs.weigh(shift(nodes));
        }
        INDArray weights = w.reshape(r, nodes.count());
        INDArray squares = nodes.alpha() != null && withError ? squares(pairs, nodes, weights) : null;
        if (nodes.sharedGrid()) {
            stage(weights, squares, nodeValues(nodes));
        } else {
            INDArray terms = pairValues(weights, nodes);
            if (squares != null) {
                terms.getColumn(SQUARE, true).assign(squares.sum(true, 1));
            }
            softmax.addScaled(terms);
        }
        if (nodes.alpha() != null) {
            pairs.addWeightedMean(nodes.oneSharedNode()
                    ? Nd4j.valueArrayOf(new long[] {1, 1}, nodes.alpha()[0], DataType.DOUBLE)
                    : nodes.column(nodes.alpha()));
        }
    }

    /** E[dt] per row [r, 1]. */
    INDArray meanDt() {
        return column(means(), DT);
    }

    /** Var[t] per row [r, 1]. */
    INDArray variance() {
        INDArray means = means();
        INDArray mean = column(means, DT);
        return column(means, DT_SQ).subi(mean.muli(mean));
    }

    /** R = sum_g w_g R_g per row [r, D] (a target must have been given). */
    INDArray target() {
        drainStage();
        INDArray sums = softmax.sums();
        return rows.x().mulColumnVector(column(sums, BETA)).addi(rows.meanSum()).diviColumnVector(column(sums, ONE));
    }

    /** E = sum_g w_g ||R_g - R||^2 per row [r, 1] for the given R, clamped at 0 against round-off. */
    INDArray targetError(INDArray target) {
        INDArray error = column(means(), SQUARE).subi(target.mul(target).sum(true, 1));
        return Transforms.max(error, 0.0, false);
    }

    /** The weighted means of [dt, dt^2, beta, ||R_g||^2, 1] per row [r, 5]. */
    private INDArray means() {
        drainStage();
        return softmax.weightedMeans();
    }

    /** Stages a shared grid's block, or sums it at once when it exceeds the stage. */
    private void stage(INDArray weights, INDArray squares, double[][] values) {
        if (stage == null) {
            stage = new NodeStage(r, STAGE_NODES, ONE + 1, squares == null ? -1 : SQUARE);
        }
        if (!stage.fits(values.length)) {
            drainStage();
        }
        if (stage.fits(values.length)) {
            stage.add(weights, squares, values);
        } else {
            softmax.addScaled(NodeStage.sum(weights, squares, values, SQUARE));
        }
    }

    private void drainStage() {
        INDArray staged = stage == null ? null : stage.drain();
        if (staged != null) {
            softmax.addScaled(staged);
        }
    }

    /** alpha^2 w ||x0-hat||^2 + 2 alpha beta w <x0-hat, x> + beta^2 w ||x||^2 per pair [r, gc]. */
    private INDArray squares(DataLikelihood.Pairs pairs, NodeBlock nodes, INDArray weights) {
        INDArray meanSquares = pairs.weightedMeanSquaredNorm().reshape(r, nodes.count());
        INDArray dots = pairs.weightedMeanDotInput().reshape(r, nodes.count());
        INDArray inputSquares = weights.mulColumnVector(xSq);
        return nodes.times(nodes.times(meanSquares, nodes.alpha()), nodes.alpha())
                .addi(nodes.times(nodes.times(dots, nodes.alpha()), nodes.beta()).muli(2))
                .addi(nodes.times(nodes.times(inputSquares, nodes.beta()), nodes.beta()));
    }

    /** Per-row max of peak + ln p(t) Delta t over the block [r, 1]. */
    private INDArray levels(DataLikelihood.Pairs pairs, NodeBlock nodes) {
        return nodes.plus(pairs.peak().reshape(r, nodes.count()), nodes.lnWeight()).max(true, 1);
    }

    /** shift_p = m_row(p) - ln p(t_p) Delta t_p as [r * gc, 1]. */
    private INDArray shift(NodeBlock nodes) {
        INDArray m = softmax.runningMax();
        if (nodes.oneSharedNode()) {
            return m.sub(nodes.lnWeight()[0]);
        }
        INDArray negated = nodes.plus(Nd4j.zeros(DataType.DOUBLE, r, nodes.count()), nodes.lnWeight()).negi();
        return negated.addiColumnVector(m).reshape((long) r * nodes.count(), 1);
    }

    /** [dt, dt^2, beta, 0, 1] per node of a shared grid [gc][5], so one mmul with the weights sums them. */
    private static double[][] nodeValues(NodeBlock nodes) {
        double[][] values = new double[nodes.count()][ONE + 1];
        for (int g = 0; g < nodes.count(); g++) {
            values[g][DT] = nodes.dt()[g];
            values[g][DT_SQ] = nodes.dt()[g] * nodes.dt()[g];
            values[g][BETA] = nodes.beta() == null ? 0 : nodes.beta()[g];
            values[g][ONE] = 1;
        }
        return values;
    }

    /** The same sums for per-row grids: weights [r, gc] against per-pair values. */
    private INDArray pairValues(INDArray weights, NodeBlock nodes) {
        INDArray dt = nodes.matrix(nodes.dt());
        INDArray wdt = weights.mul(dt);
        INDArray terms = Nd4j.zeros(DataType.DOUBLE, r, ONE + 1);
        terms.putColumn(DT, wdt.sum(true, 1));
        terms.putColumn(DT_SQ, wdt.muli(dt).sum(true, 1));
        terms.putColumn(ONE, weights.sum(true, 1));
        if (nodes.beta() != null) {
            terms.putColumn(BETA, nodes.times(weights.dup(), nodes.beta()).sum(true, 1));
        }
        return terms;
    }

    private static INDArray column(INDArray matrix, int c) {
        return matrix.get(NDArrayIndex.all(), NDArrayIndex.interval(c, c + 1)).dup();
    }
}
