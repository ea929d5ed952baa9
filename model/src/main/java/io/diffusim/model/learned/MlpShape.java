package io.diffusim.model.learned;

/**
 * The sizes of the MLP of docs/science.md §7.3: the embedding width per scalar, the hidden width, the number of
 * residual blocks, the output width (D for the noise, D + 1 with the log-density head of §7.4) and whether the
 * network sees t at all (false: the noise-unconditional model of §3.4).
 */
public record MlpShape(int inputs, int embeddingSize, int width, int blocks, int outputs, boolean timeInput) {

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

    /** Whether the last output is the scalar log-density head. */
    public boolean hasDensityHead() {
        return outputs == inputs + 1;
    }

    /** The architecture as one line, as a checkpoint header records it and error messages quote it. */
    public String describe() {
        return "mlp inputs=" + inputs + " embedding=" + embeddingSize + " width=" + width + " blocks=" + blocks
                + " outputs=" + outputs + " time-input=" + timeInput;
    }
}
