package io.diffusim.model.learned;

import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The MLP of docs/science.md §7.3 as SameDiff ops, shared by the training graph ({@link TrainingGraph}) and the
 * input-gradient graph of the log-density head ({@link MlpDensityHead}).
 *
 * <p>With a tangent {@code v} it also carries the forward-mode derivative {@code J v} of the output with respect to
 * the input, as ops of the same graph: {@code d sin(z) = cos(z) dz}, {@code d relu(h) = step(h) dh}, linear layers
 * map the tangent by their weight. Sliced score matching (§5.3) needs {@code v^T J v} inside its loss, and building
 * it as ops lets reverse mode differentiate it with respect to the weights (no second-order autodiff needed).
 */
final class MlpNetwork {

    private MlpNetwork() {
    }

    /**
     * The forward pass at {@code x [B, D]} and {@code t [B, 1]} (null without a time input), with the tangent
     * {@code v [B, D]} pushed through when it is not null. Fused {@code x W + b} where SameDiff has it: its cost is
     * per op, not per flop.
     */
    static NetworkOutputs build(SameDiff sd, Map<String, SDVariable> w, MlpShape shape, DataType type, SDVariable x,
                         SDVariable t, SDVariable v) {
        int e = shape.embeddingSize();
        SDVariable arguments = sd.constant("emb.x.a",
                SinusoidalEmbedding.argumentMatrix(shape.inputs(), MlpShape.COORDINATE_SCALE, e, type));
        SDVariable z = x.mmul(arguments).add(sd.constant("emb.x.phase",
                SinusoidalEmbedding.phaseRow(shape.inputs(), e, type)));
        SDVariable ex = sd.math.sin(z);
        SDVariable h;
        if (shape.timeInput()) {
            SDVariable tArguments = sd.constant("emb.t.a",
                    SinusoidalEmbedding.argumentMatrix(1, MlpShape.TIME_SCALE, e, type));
            SDVariable et = sd.math.sin(t.mmul(tArguments).add(sd.constant("emb.t.phase",
                    SinusoidalEmbedding.phaseRow(1, e, type))));
            h = ex.mmul(w.get("in.wx")).add(sd.nn.linear(et, w.get("in.wt"), w.get("in.b")));
        } else {
            h = sd.nn.linear(ex, w.get("in.wx"), w.get("in.b"));
        }
        SDVariable dh = v == null ? null : sd.math.cos(z).mul(v.mmul(arguments)).mmul(w.get("in.wx"));
        for (int k = 0; k < shape.blocks(); k++) {
            SDVariable weight = w.get("block" + k + ".w");
            if (dh != null) {
                dh = dh.add(sd.math.step(h, 0.0).mul(dh).mmul(weight));
            }
            h = h.add(sd.nn.linear(sd.nn.relu(h, 0), weight, w.get("block" + k + ".b")));
        }
        SDVariable out = sd.nn.linear(sd.nn.relu(h, 0), w.get("out.w"), w.get("out.b"));
        SDVariable tangentOut = dh == null ? null : sd.math.step(h, 0.0).mul(dh).mmul(w.get("out.w"));
        return new NetworkOutputs(out, tangentOut);
    }
}
