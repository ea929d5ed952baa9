package io.diffusim.model.learned;

import java.util.HashMap;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A network's inference pass as a SameDiff graph whose weights are constants (the U-Net's convolutions are ops
 * oneDNN runs; writing them out by hand as {@link MlpForward} does the MLP would gain little). One graph per thread:
 * SameDiff sessions are not thread-safe.
 */
final class GraphForward implements NetworkForward {

    private static final String X = "x";
    private static final String T = "t";
    private static final String OUT = "out";

    private final Weights weights;
    private final DataType type;
    private final ThreadLocal<SameDiff> graphs = ThreadLocal.withInitial(this::graph);

    /** A pass over {@code weights} (held, not copied). */
    GraphForward(Weights weights) {
        this.weights = weights;
        this.type = weights.dataType();
    }

    @Override
    public Architecture shape() {
        return weights.shape();
    }

    @Override
    public INDArray output(INDArray x, double[] t, boolean sameTime) {
        Map<String, INDArray> feed = new HashMap<>();
        feed.put(X, x.castTo(type));
        if (shape().timeInput()) {
            feed.put(T, Nd4j.create(t, new long[] {t.length, 1}, DataType.DOUBLE).castTo(type));
        }
        return graphs.get().output(feed, OUT).get(OUT);
    }

    private SameDiff graph() {
        SameDiff sd = ConvolutionHelpers.apply(SameDiff.create());
        Architecture shape = weights.shape();
        SDVariable x = sd.placeHolder(X, type, -1, shape.inputs());
        SDVariable t = shape.timeInput() ? sd.placeHolder(T, type, -1, 1) : null;
        sd.identity(OUT, shape.build(sd, weights.constants(sd), type, x, t, null).out());
        return sd;
    }
}
