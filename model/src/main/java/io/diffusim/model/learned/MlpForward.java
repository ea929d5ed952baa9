package io.diffusim.model.learned;

import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sin;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The inference pass of the MLP of docs/science.md §7.3, the same function as {@link TrainingGraph}'s network but
 * written for sampling, where it runs on every particle at every step.
 *
 * <p>Three things keep it fast on a CPU: every intermediate lives in a buffer kept per thread and per batch size and
 * is written in place (GEMMs with {@code beta = 1} accumulate the residual, ReLU writes into the next layer's input);
 * no concatenation, since the first layer is {@code e_x W_x + e_t W_t + b}; and when every row has the same t, as
 * in a sampler step, the time part {@code e_t W_t + b} is one {@code [1, width]} row computed once and broadcast.
 * Thread-safe: the weights are read only and each thread has its own buffers.
 */
public final class MlpForward implements NetworkForward {

    /** Batch sizes a thread keeps buffers for; a run uses two (full batches and the remainder). */
    private static final int KEPT_SIZES = 4;

    private final MlpShape shape;
    private final DataType type;
    private final INDArray[] weights;
    private final INDArray[] biases;
    private final INDArray wx;
    private final INDArray wt;
    private final INDArray xArguments;
    private final INDArray xPhase;
    private final INDArray tArguments;
    private final INDArray tPhase;
    private final ThreadLocal<Map<Integer, Scratch>> scratch = ThreadLocal.withInitial(HashMap::new);

    /** A pass over {@code parameters} (held, not copied: callers must not change them while the pass is in use). */
    public MlpForward(Weights parameters) {
        if (!(parameters.shape() instanceof MlpShape mlp)) {
            throw new IllegalArgumentException("the MLP pass cannot run " + parameters.shape().describe());
        }
        this.shape = mlp;
        this.type = parameters.dataType();
        int e = shape.embeddingSize();
        this.wx = parameters.get("in.wx");
        this.wt = shape.timeInput() ? parameters.get("in.wt") : null;
        this.weights = new INDArray[shape.blocks() + 1];
        this.biases = new INDArray[shape.blocks() + 2];
        biases[0] = parameters.get("in.b");
        for (int k = 0; k < shape.blocks(); k++) {
            weights[k] = parameters.get("block" + k + ".w");
            biases[k + 1] = parameters.get("block" + k + ".b");
        }
        weights[shape.blocks()] = parameters.get("out.w");
        biases[shape.blocks() + 1] = parameters.get("out.b");
        this.xArguments = SinusoidalEmbedding.argumentMatrix(shape.inputs(), MlpShape.COORDINATE_SCALE, e, type);
        this.xPhase = SinusoidalEmbedding.phaseRow(shape.inputs(), e, type);
        this.tArguments = SinusoidalEmbedding.argumentMatrix(1, MlpShape.TIME_SCALE, e, type);
        this.tPhase = SinusoidalEmbedding.phaseRow(1, e, type);
    }

    @Override
    public MlpShape shape() {
        return shape;
    }

    /**
     * The network's output {@code [B, outputs]} (a fresh array in the weights' type) at points {@code x [B, D]} and
     * times {@code t} (any type, one per row, or null without a time input). {@code sameTime} says every row has
     * time {@code t[0]}, which lets the time part be computed once.
     */
    @Override
    public INDArray output(INDArray x, double[] t, boolean sameTime) {
        int rows = (int) x.rows();
        Scratch s = scratch(rows);
        // coordinates: e_x = sin(x A + phase), h = e_x W_x
        s.x.assign(x);
        Nd4j.gemm(s.x, xArguments, s.xEmbedding, false, false, 1.0, 0.0);
        s.xEmbedding.addiRowVector(xPhase);
        Nd4j.exec(new Sin(s.xEmbedding, s.xEmbedding));
        Nd4j.gemm(s.xEmbedding, wx, s.h, false, false, 1.0, 0.0);
        // time and bias: one row when every particle is at the same step
        if (!shape.timeInput()) {
            s.h.addiRowVector(biases[0]);
        } else if (sameTime) {
            INDArray timeRow = Nd4j.scalar(type, t[0]).reshape(1, 1).mmul(tArguments).addiRowVector(tPhase);
            Nd4j.exec(new Sin(timeRow, timeRow));
            s.h.addiRowVector(timeRow.mmul(wt).addiRowVector(biases[0]));
        } else {
            INDArray tColumn = Nd4j.create(t, new long[] {rows, 1}, DataType.DOUBLE).castTo(type);
            INDArray tEmbedding = tColumn.mmul(tArguments).addiRowVector(tPhase);
            Nd4j.exec(new Sin(tEmbedding, tEmbedding));
            Nd4j.gemm(tEmbedding, wt, s.h, false, false, 1.0, 1.0);
            s.h.addiRowVector(biases[0]);
        }
        // residual blocks: h <- h + relu(h) W_k + b_k
        for (int k = 0; k < shape.blocks(); k++) {
            Nd4j.exec(new RectifiedLinear(s.h, s.relu, 0.0));
            Nd4j.gemm(s.relu, weights[k], s.h, false, false, 1.0, 1.0);
            s.h.addiRowVector(biases[k + 1]);
        }
        Nd4j.exec(new RectifiedLinear(s.h, s.relu, 0.0));
        INDArray out = Nd4j.createUninitialized(type, rows, shape.outputs());
        Nd4j.gemm(s.relu, weights[shape.blocks()], out, false, false, 1.0, 0.0);
        return out.addiRowVector(biases[shape.blocks() + 1]);
    }

    private Scratch scratch(int rows) {
        Map<Integer, Scratch> kept = scratch.get();
        Scratch s = kept.get(rows);
        if (s == null) {
            if (kept.size() >= KEPT_SIZES) {
                kept.clear();
            }
            s = new Scratch(type, rows, shape);
            kept.put(rows, s);
        }
        return s;
    }

    /** One thread's buffers for one batch size. */
    private static final class Scratch {
        final INDArray x;
        final INDArray xEmbedding;
        final INDArray h;
        final INDArray relu;

        Scratch(DataType type, int rows, MlpShape shape) {
            x = Nd4j.createUninitialized(type, rows, shape.inputs());
            xEmbedding = Nd4j.createUninitialized(type, rows, (long) shape.inputs() * shape.embeddingSize());
            h = Nd4j.createUninitialized(type, rows, shape.width());
            relu = Nd4j.createUninitialized(type, rows, shape.width());
        }
    }
}
