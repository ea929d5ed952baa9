package io.diffusim.model.learned;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The training graph of the MLP of docs/science.md §7.3 in SameDiff with one of the losses of {@link LossForm}, the
 * batch mean of {@code w_i l_i}, plus, with the log-density head of §7.4, the batch mean of the head's signed weight
 * times {@code l-hat}. The noise part of the output is its first D columns, the head its last. SameDiff's reverse mode
 * gives the loss's gradient with respect to every weight.
 *
 * <p>The graph's variables hold the live weights: {@link #parameters()} returns those arrays, so an optimiser that
 * updates them in place trains the graph. Not thread-safe (SameDiff sessions are not).
 */
public final class TrainingGraph {

    private static final String X = "x";
    private static final String T = "t";
    private static final String TARGET = "target";
    private static final String WEIGHT = "weight";
    private static final String PROBE = "probe";
    private static final String HEAD = "head";
    private static final String LOSS = "loss";
    private static final String OUT = "out";

    private final SameDiff sd = ConvolutionHelpers.apply(SameDiff.create());
    private final Architecture shape;
    private final LossForm form;
    private final Weights parameters;
    private final String[] names;

    /** An eps-style regression graph (the §7.3 loss when the weights are 1/D and the target is eps). */
    public TrainingGraph(Weights initial) {
        this(initial, LossForm.REGRESSION);
    }

    /** A graph whose weights start as copies of {@code initial} (same data type), with the loss {@code form}. */
    public TrainingGraph(Weights initial, LossForm form) {
        this.shape = initial.shape();
        this.form = form;
        DataType type = initial.dataType();
        int d = shape.inputs();
        Map<String, SDVariable> w = initial.variables(sd);
        SDVariable x = sd.placeHolder(X, type, -1, d);
        SDVariable t = shape.timeInput() ? sd.placeHolder(T, type, -1, 1) : null;
        SDVariable probe = form.sliced() ? sd.placeHolder(PROBE, type, -1, d) : null;
        NetworkOutputs net = shape.build(sd, w, type, x, t, probe);
        SDVariable out = sd.identity(OUT, net.out());

        // the noise part and the head as products with constant selections: cheaper in SameDiff than slices
        SDVariable s = shape.hasDensityHead() ? out.mmul(sd.constant("select.noise", select(d + 1, 0, d, type))) : out;
        SDVariable rowLoss;
        if (form == LossForm.REGRESSION) {
            SDVariable target = sd.placeHolder(TARGET, type, -1, d);
            rowLoss = sd.math.square(s.sub(target)).sum(true, 1);
        } else {
            SDVariable js = shape.hasDensityHead()
                    ? net.tangentOut().mmul(sd.constant("select.tangent", select(d + 1, 0, d, type))) : net.tangentOut();
            SDVariable vJv = probe.mul(js).sum(true, 1);
            SDVariable quadratic = form == LossForm.SLICED_VARIANCE_REDUCED ? sd.math.square(s).sum(true, 1)
                    : sd.math.square(probe.mul(s).sum(true, 1));
            rowLoss = vJv.add(quadratic.mul(0.5));
        }
        SDVariable total = rowLoss.mul(sd.placeHolder(WEIGHT, type, -1, 1));
        if (shape.hasDensityHead()) {
            SDVariable logDensity = out.mmul(sd.constant("select.head", select(d + 1, d, 1, type)));
            total = total.add(sd.placeHolder(HEAD, type, -1, 1).mul(logDensity));
        }
        total.mean(LOSS);
        sd.setLossVariables(LOSS);

        createGradientsQuietly(sd);
        this.parameters = Weights.live(shape, w);
        this.names = shape.names().toArray(String[]::new);
    }

    /** The graph's live weights. */
    public Weights parameters() {
        return parameters;
    }

    /** The loss at a batch. */
    public double loss(TrainingFeed feed) {
        return sd.output(feed(feed), LOSS).get(LOSS).getDouble(0);
    }

    /** The network's output {@code [B, outputs]} at {@code x}, {@code t} (the oracle of the inference pass). */
    public INDArray output(INDArray x, INDArray t) {
        Map<String, INDArray> feed = new HashMap<>();
        feed.put(X, x);
        if (shape.timeInput()) {
            feed.put(T, t);
        }
        return sd.output(feed, OUT).get(OUT);
    }

    /** The gradient of the loss with respect to every weight, by name (fresh arrays). */
    public Map<String, INDArray> gradients(TrainingFeed feed) {
        return sd.calculateGradients(feed(feed), names);
    }

    /** The loss and its gradients from one forward and one backward pass. */
    public LossAndGradients lossAndGradients(TrainingFeed feed) {
        OutAndGrad result = sd.calculateGradientsAndOutputs(feed(feed), List.of(LOSS), List.of(names));
        return new LossAndGradients(result.getOutputs().get(LOSS).getDouble(0), result.getGradients());
    }

    /** A batch's loss and the gradient of every weight by name. */
    public record LossAndGradients(double loss, Map<String, INDArray> gradients) {
    }

    /** The parameter names, in storage order. */
    public List<String> names() {
        return List.of(names);
    }

    private Map<String, INDArray> feed(TrainingFeed feed) {
        Map<String, INDArray> map = new HashMap<>();
        map.put(X, feed.x());
        if (shape.timeInput()) {
            map.put(T, feed.t());
        }
        if (form == LossForm.REGRESSION) {
            map.put(TARGET, feed.target());
        } else {
            map.put(PROBE, feed.probe());
        }
        map.put(WEIGHT, feed.weight());
        if (shape.hasDensityHead()) {
            map.put(HEAD, feed.head());
        }
        return map;
    }

    /** The {@code [rows, count]} matrix that picks columns {@code from .. from+count-1} of a product. */
    static INDArray select(int rows, int from, int count, DataType type) {
        INDArray m = Nd4j.zeros(DataType.DOUBLE, rows, count);
        for (int j = 0; j < count; j++) {
            m.putScalar(from + j, j, 1.0);
        }
        return m.castTo(type);
    }

    /**
     * Builds the backward graph now instead of on the first gradient call. ND4J 1.0.0-M2.1 prints one
     * "Added differentiated op" line per op to System.out while doing so, which would land in the output of
     * {@code bin/diffusim train}; the stream is swapped out for that moment only (graphs are built once per training).
     */
    static void createGradientsQuietly(SameDiff sd) {
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
}
