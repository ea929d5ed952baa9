package io.diffusim.model.learned;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The sizes of the MLP of docs/science.md §7.3: the embedding width per scalar, the hidden width, the number of
 * residual blocks, the output width (D for the noise, D + 1 with the log-density head of §7.4) and whether the
 * network sees t at all (false: the noise-unconditional model of §3.4).
 */
public record MlpShape(int inputs, int embeddingSize, int width, int blocks, int outputs, boolean timeInput)
        implements Architecture {

    /** Coordinate embedding scale (lambda = 25) and time embedding scale (lambda = 1 on the raw integer t). */
    public static final double COORDINATE_SCALE = 25.0;
    public static final double TIME_SCALE = 1.0;

    public MlpShape {
        if (inputs < 1 || width < 1 || blocks < 0 || outputs < 1) {
            throw new IllegalArgumentException("MLP shape must have inputs, width, outputs >= 1 and blocks >= 0, got "
                    + inputs + ", " + width + ", " + blocks + ", " + outputs);
        }
        SinusoidalEmbedding.frequencies(embeddingSize);
    }

    /** The reference network on D-dimensional data: 128-wide embeddings, 256 hidden, 3 blocks, noise-conditional. */
    public static MlpShape reference(int inputs, boolean densityHead) {
        return new MlpShape(inputs, SinusoidalEmbedding.SIZE, 256, 3, densityHead ? inputs + 1 : inputs, true);
    }

    /** Width of the first layer's input: every coordinate's embedding, then t's (when the network sees t). */
    public int firstLayerFanIn() {
        return (inputs + (timeInput ? 1 : 0)) * embeddingSize;
    }

    @Override
    public boolean tangents() {
        return true;
    }

    @Override
    public String describe() {
        return "mlp inputs=" + inputs + " embedding=" + embeddingSize + " width=" + width + " blocks=" + blocks
                + " outputs=" + outputs + " time-input=" + timeInput;
    }

    /**
     * The names in storage order. The first layer's weight is kept as two blocks, {@code in.wx} for the coordinates'
     * embeddings and {@code in.wt} for t's: {@code concat(e_x, e_t) W = e_x W_x + e_t W_t}, so neither training nor
     * inference concatenates, and the time part, the same for every particle of a sampler step, is computed once per
     * step. Biases are rank-1 {@code [n]}, the form SameDiff's fused {@code x W + b} takes.
     */
    @Override
    public List<String> names() {
        List<String> names = new ArrayList<>();
        names.add("in.wx");
        if (timeInput) {
            names.add("in.wt");
        }
        names.add("in.b");
        for (int k = 0; k < blocks; k++) {
            names.add("block" + k + ".w");
            names.add("block" + k + ".b");
        }
        names.add("out.w");
        names.add("out.b");
        return names;
    }

    /** {@code [rows, columns]} for weights, {@code [n]} for biases. */
    @Override
    public long[] shapeOf(String name) {
        return switch (name) {
            case "in.wx" -> new long[] {(long) inputs * embeddingSize, width};
            case "in.wt" -> new long[] {embeddingSize, width};
            case "in.b" -> new long[] {width};
            case "out.w" -> new long[] {width, outputs};
            case "out.b" -> new long[] {outputs};
            default -> name.endsWith(".w") ? new long[] {width, width} : new long[] {width};
        };
    }

    /** The two first-layer blocks share the fan-in of the whole first layer. */
    @Override
    public int fanIn(String name) {
        return name.startsWith("in.") ? firstLayerFanIn() : width;
    }

    @Override
    public NetworkOutputs build(SameDiff sd, Map<String, SDVariable> w, DataType type, SDVariable x, SDVariable t,
                                SDVariable v) {
        return MlpNetwork.build(sd, w, this, type, x, t, v);
    }

    /** Reads {@link #describe()}'s line. */
    static MlpShape parse(String line) {
        Map<String, String> values = ArchitectureLine.values(line, "mlp", 6);
        return new MlpShape(ArchitectureLine.integer(values, "inputs", line),
                ArchitectureLine.integer(values, "embedding", line), ArchitectureLine.integer(values, "width", line),
                ArchitectureLine.integer(values, "blocks", line), ArchitectureLine.integer(values, "outputs", line),
                ArchitectureLine.flag(values, "time-input", line));
    }
}
