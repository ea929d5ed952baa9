package io.diffusim.model.learned;

import java.util.HashMap;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The gradient {@code grad_x l-hat(x_t, t)} of a trained network's log-density head with respect to its input
 * (docs/science.md §7.4), by SameDiff's reverse mode: the gradient of {@code sum_i l-hat(x_i, t)} with respect to
 * the input placeholder is every row's own gradient, since rows do not interact. Density guidance uses it in place of
 * a KDE. Thread-safe: the one SameDiff session is used under a lock.
 */
public final class MlpDensityHead {

    private static final String X = "x";
    private static final String T = "t";
    private static final String LOG_DENSITY = "log-density";

    private final SameDiff sd = ConvolutionHelpers.apply(SameDiff.create());
    private final Architecture shape;
    private final TrainingObjective objective;
    private final DataType type;

    /** A head over {@code parameters} (a network with a density head), reading t as {@code objective} trained it. */
    public MlpDensityHead(Weights parameters, TrainingObjective objective) {
        this.shape = parameters.shape();
        if (!shape.hasDensityHead()) {
            throw new IllegalArgumentException(shape.describe() + " has no log-density head");
        }
        this.objective = objective;
        this.type = parameters.dataType();
        int d = shape.inputs();
        // the input is the graph's one variable (SameDiff differentiates variables, not placeholders)
        SDVariable x = sd.var(X, Nd4j.zeros(type, 1, d));
        SDVariable t = shape.timeInput() ? sd.placeHolder(T, type, -1, 1) : null;
        SDVariable out = shape.build(sd, parameters.constants(sd), type, x, t, null).out();
        out.mmul(sd.constant("select.head", TrainingGraph.select(d + 1, d, 1, type))).sum(LOG_DENSITY);
        sd.setLossVariables(LOG_DENSITY);
        TrainingGraph.createGradientsQuietly(sd);
    }

    /** {@code grad_x l-hat} {@code [B, D]} (a fresh float64 array) at points x and process time t; x is not changed. */
    public synchronized INDArray gradient(INDArray x, double t) {
        sd.getVariable(X).setArray(x.castTo(type).dup());
        return sd.calculateGradients(feed(x, t), X).get(X).castTo(DataType.DOUBLE);
    }

    private Map<String, INDArray> feed(INDArray x, double t) {
        Map<String, INDArray> feed = new HashMap<>();
        if (shape.timeInput()) {
            feed.put(T, Nd4j.valueArrayOf(new long[] {x.rows(), 1}, objective.networkTime(t), type));
        }
        return feed;
    }
}
