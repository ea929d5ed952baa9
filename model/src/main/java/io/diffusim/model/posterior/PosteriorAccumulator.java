package io.diffusim.model.posterior;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Streaming quadrature sums for a block of r rows over blocks of grid nodes (SCIENCE.md §3.4). With unnormalised
 * log-weights l_g and a running max m it keeps Z = sum e^(l-m), the t moments, and for targets
 * R_g = alpha_g x0-hat_g + beta_g x: sum e alpha x0-hat, sum e beta and
 * sum e ||R_g||^2 = sum e (alpha^2 ||x0-hat||^2 + 2 alpha beta <x0-hat, x> + beta^2 ||x||^2).
 */
final class PosteriorAccumulator {

    private final int rows;
    private final INDArray x;
    private final INDArray xSq;
    private INDArray max;
    private INDArray[] scalars;
    private INDArray sumMean;

    /** For rows x [r, D] (used only by targets). */
    PosteriorAccumulator(INDArray x) {
        this.rows = (int) x.rows();
        this.x = x;
        this.xSq = x.mul(x).sum(true, 1);
    }

    /**
     * Adds a block of nodes: log-weights, centred times, and for targets alpha, beta (all [r, gc]) with the
     * likelihood's pairs (row-major, gc per row); pairs == null skips the target sums.
     */
    void add(INDArray logWeights, INDArray dt, DataLikelihood.Pairs pairs, INDArray alpha, INDArray beta) {
        INDArray blockMax = logWeights.max(true, 1);
        if (max == null) {
            max = blockMax;
            scalars = new INDArray[] {zeros(), zeros(), zeros(), zeros(), zeros()};
        } else {
            INDArray newMax = Transforms.max(max, blockMax, true);
            INDArray scale = Transforms.exp(max.subi(newMax), false);
            for (INDArray s : scalars) {
                s.muli(scale);
            }
            if (sumMean != null) {
                sumMean.muliColumnVector(scale);
            }
            max = newMax;
        }
        INDArray e = Transforms.exp(logWeights.subColumnVector(max), false);
        INDArray et = e.mul(dt);
        scalars[0].addi(e.sum(true, 1));
        scalars[1].addi(et.sum(true, 1));
        scalars[2].addi(et.muli(dt).sum(true, 1));
        if (pairs != null) {
            long gc = logWeights.columns();
            INDArray ea = e.mul(alpha);
            INDArray eb = e.mul(beta);
            INDArray meanPart = pairs.weightedMeanSum(ea.reshape(rows * gc, 1));
            sumMean = sumMean == null ? meanPart : sumMean.addi(meanPart);
            scalars[3].addi(eb.sum(true, 1));
            INDArray squares = pairs.meanSquaredNorm().reshape(rows, gc).muli(alpha).muli(ea)
                    .addi(pairs.meanDotInput().reshape(rows, gc).muli(eb).muli(alpha).muli(2))
                    .addi(eb.mul(beta).muliColumnVector(xSq));
            scalars[4].addi(squares.sum(true, 1));
        }
    }

    /** E[dt] per row [r, 1]. */
    INDArray meanDt() {
        return scalars[1].div(scalars[0]);
    }

    /** Var[t] per row [r, 1]. */
    INDArray variance() {
        INDArray mean = meanDt();
        return scalars[2].div(scalars[0]).subi(mean.muli(mean));
    }

    /** R = sum w_g R_g per row [r, D], or null without targets. */
    INDArray target() {
        if (sumMean == null) {
            return null;
        }
        return x.mulColumnVector(scalars[3]).addi(sumMean).diviColumnVector(scalars[0]);
    }

    /** E = sum w_g ||R_g - R||^2 per row [r, 1] (clamped at 0 against round-off), or null. */
    INDArray targetError() {
        INDArray mean = target();
        if (mean == null) {
            return null;
        }
        INDArray error = scalars[4].div(scalars[0]).subi(mean.muli(mean).sum(true, 1));
        return Transforms.max(error, 0.0, false);
    }

    private INDArray zeros() {
        return Nd4j.zeros(max.dataType(), rows, 1);
    }
}
