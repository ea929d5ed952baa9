package io.diffusim.model.learned;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.loss.LossReduce;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The training graph of the MLP of docs/science.md §7.3 in SameDiff, with the eps-prediction loss
 * {@code mean ||eps-hat(x_t, t) - eps||^2} (the MSE over the batch and both coordinates); SameDiff's reverse mode
 * gives the loss's gradient with respect to every weight.
 *
 * <p>The graph's variables hold the live weights: {@link #parameters()} returns those arrays, so an optimiser that
 * updates them in place trains the graph. Not thread-safe (SameDiff sessions are not).
 */
public final class MlpGraph {

    private static final String X = "x";
    private static final String T = "t";
    private static final String EPS = "eps";
    private static final String LOSS = "loss";
    private static final String OUT = "out";

    private final SameDiff sd = SameDiff.create();
    private final MlpShape shape;
    private final MlpParameters parameters;
    private final String[] names;

    /** A graph whose weights start as copies of {@code initial} (same data type). */
    public MlpGraph(MlpParameters initial) {
        this.shape = initial.shape();
        DataType type = initial.get("in.wx").dataType();
        Map<String, SDVariable> w = new LinkedHashMap<>();
        initial.arrays().forEach((name, array) -> w.put(name, sd.var(name, array.dup())));
        int e = shape.embeddingSize();

        // fused ops (x W + b in one, the MSE in one) where SameDiff has them: its cost is per op, not per flop
        SDVariable x = sd.placeHolder(X, type, -1, shape.inputs());
        SDVariable ex = embed(x, shape.inputs(), MlpShape.COORDINATE_SCALE, e, type, "x");
        SDVariable h;
        if (shape.timeInput()) {
            SDVariable t = sd.placeHolder(T, type, -1, 1);
            SDVariable et = embed(t, 1, MlpShape.TIME_SCALE, e, type, "t");
            h = ex.mmul(w.get("in.wx")).add(sd.nn.linear(et, w.get("in.wt"), w.get("in.b")));
        } else {
            h = sd.nn.linear(ex, w.get("in.wx"), w.get("in.b"));
        }
        for (int k = 0; k < shape.blocks(); k++) {
            h = h.add(sd.nn.linear(sd.nn.relu(h, 0), w.get("block" + k + ".w"), w.get("block" + k + ".b")));
        }
        SDVariable out = sd.nn.linear(OUT, sd.nn.relu(h, 0), w.get("out.w"), w.get("out.b"));
        SDVariable eps = sd.placeHolder(EPS, type, -1, shape.inputs());
        sd.loss.meanSquaredError(LOSS, eps, out, null, LossReduce.MEAN_BY_NONZERO_WEIGHT_COUNT);
        sd.setLossVariables(LOSS);

        createGradientsQuietly(sd);

        Map<String, INDArray> live = new LinkedHashMap<>();
        w.forEach((name, variable) -> live.put(name, variable.getArr()));
        this.parameters = MlpParameters.of(shape, live);
        this.names = MlpParameters.names(shape).toArray(String[]::new);
    }

    /** The graph's live weights. */
    public MlpParameters parameters() {
        return parameters;
    }

    /** The loss at a batch: {@code x_t [B, D]}, {@code t [B, 1]} (ignored without a time input), {@code eps [B, D]}. */
    public double loss(INDArray xt, INDArray t, INDArray eps) {
        return sd.output(feed(xt, t, eps), LOSS).get(LOSS).getDouble(0);
    }

    /** The network's output {@code [B, outputs]} at {@code x_t}, {@code t} (the oracle of the inference pass). */
    public INDArray output(INDArray xt, INDArray t) {
        Map<String, INDArray> feed = new HashMap<>();
        feed.put(X, xt);
        if (shape.timeInput()) {
            feed.put(T, t);
        }
        return sd.output(feed, OUT).get(OUT);
    }

    /** The gradient of the loss with respect to every weight, by name (fresh arrays). */
    public Map<String, INDArray> gradients(INDArray xt, INDArray t, INDArray eps) {
        return sd.calculateGradients(feed(xt, t, eps), names);
    }

    /** The loss and its gradients from one forward and one backward pass. */
    public LossAndGradients lossAndGradients(INDArray xt, INDArray t, INDArray eps) {
        OutAndGrad result = sd.calculateGradientsAndOutputs(feed(xt, t, eps), List.of(LOSS), List.of(names));
        return new LossAndGradients(result.getOutputs().get(LOSS).getDouble(0), result.getGradients());
    }

    /** A batch's loss and the gradient of every weight by name. */
    public record LossAndGradients(double loss, Map<String, INDArray> gradients) {
    }

    /** The parameter names, in storage order. */
    public List<String> names() {
        return List.of(names);
    }

    private Map<String, INDArray> feed(INDArray xt, INDArray t, INDArray eps) {
        Map<String, INDArray> feed = new HashMap<>();
        feed.put(X, xt);
        if (shape.timeInput()) {
            feed.put(T, t);
        }
        feed.put(EPS, eps);
        return feed;
    }

    /**
     * Builds the backward graph now instead of on the first gradient call. ND4J 1.0.0-M2.1 prints one
     * "Added differentiated op" line per op to System.out while doing so, which would land in the output of
     * {@code bin/diffusim train}; the stream is swapped out for that moment only (graphs are built once per training).
     */
    private static void createGradientsQuietly(SameDiff sd) {
        synchronized (System.class) {
            PrintStream out = System.out;
            System.setOut(new PrintStream(OutputStream.nullOutputStream()));
            try {
                sd.createGradFunction();
            } finally {
                System.setOut(out);
            }
        }
    }

    /** {@code sin(u A + phase)}: the embedding of docs/science.md §7.3 as one product (see SinusoidalEmbedding). */
    private SDVariable embed(SDVariable u, int columns, double scale, int size, DataType type, String tag) {
        SDVariable arguments = sd.constant("emb." + tag + ".a",
                SinusoidalEmbedding.argumentMatrix(columns, scale, size, type));
        SDVariable phase = sd.constant("emb." + tag + ".phase", SinusoidalEmbedding.phaseRow(columns, size, type));
        return sd.math.sin(u.mmul(arguments).add(phase));
    }
}
