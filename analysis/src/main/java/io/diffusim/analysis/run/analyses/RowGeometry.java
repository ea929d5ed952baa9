package io.diffusim.analysis.run.analyses;

import io.diffusim.model.denoise.Prediction;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Row-wise distances and cosines between two [B, D] arrays, reduced on the device. */
final class RowGeometry {

    private RowGeometry() {
    }

    /** ||a_i - b_i||_2 per row, [B]. */
    static INDArray distances(INDArray a, INDArray b) {
        return a.sub(b).norm2(1);
    }

    /** Mean over coordinates of (a_i - b_i)^2 per row, [B]. */
    static INDArray meanSquaredErrors(INDArray a, INDArray b) {
        INDArray diff = a.sub(b);
        return diff.muli(diff).mean(1);
    }

    /**
     * Sum over rows of cos(a_i, b_i) and the number of rows where both norms are positive; rows with a
     * zero vector are skipped (docs/science.md §5.4), so {@code [sum, count]}.
     */
    static double[] cosineSumAndCount(INDArray a, INDArray b) {
        INDArray dot = a.mul(b).sum(1);
        INDArray norms = a.norm2(1).muli(b.norm2(1));
        INDArray valid = norms.gt(0).castTo(DataType.DOUBLE);
        // invalid rows divide by 1 and are then zeroed by the mask
        INDArray cos = dot.divi(norms.addi(valid.rsub(1))).muli(valid);
        return new double[] {cos.sumNumber().doubleValue(), valid.sumNumber().doubleValue()};
    }

    /** What a prediction says about the clean point: x0 for noise-conditional models, the field for EqM. */
    static INDArray cleanEstimate(Prediction prediction) {
        return prediction.kind() == Prediction.Kind.FIELD ? prediction.field() : prediction.x0();
    }
}
