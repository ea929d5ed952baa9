package io.diffusim.model.learned;

import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * A network that learns a field on D-dimensional rows: its parameters by name, in the one order a checkpoint stores
 * them, and its forward pass as SameDiff ops. Training ({@link Trainer}), the weights ({@link Weights}), the
 * checkpoint file ({@link Checkpoint}) and the denoiser ({@link NetworkDenoiser}) need nothing else of it.
 */
public sealed interface Architecture permits MlpShape, UnetShape {

    /** D, the width of a row. */
    int inputs();

    /** The output width: D, or D + 1 with the log-density head of docs/science.md §7.4. */
    int outputs();

    /** Whether the network sees t (false: the noise-unconditional model of docs/science.md §3.4). */
    boolean timeInput();

    /** Whether the last output is the scalar log-density head. */
    default boolean hasDensityHead() {
        return outputs() == inputs() + 1;
    }

    /** Whether the forward pass can carry a tangent {@code J v} (the sliced score-matching losses need it). */
    boolean tangents();

    /** The architecture as one line, as a checkpoint header records it and error messages quote it. */
    String describe();

    /** The parameter names, in storage order. */
    List<String> names();

    /** The shape of a named parameter. */
    long[] shapeOf(String name);

    /** The fan-in of a named parameter, whose initial values are {@code U(+-1/sqrt(fanIn))} as PyTorch's. */
    int fanIn(String name);

    /**
     * The forward pass at {@code x [B, D]} and {@code t [B, 1]} (null without a time input); with a tangent
     * {@code v [B, D]} (only where {@link #tangents()}) also {@code J v}.
     */
    NetworkOutputs build(SameDiff sd, Map<String, SDVariable> w, DataType type, SDVariable x, SDVariable t,
                         SDVariable v);

    /** Reads {@link #describe()}'s line back; anything else is an IllegalArgumentException quoting it. */
    static Architecture parse(String line) {
        String kind = line.split(" ", 2)[0];
        return switch (kind) {
            case "mlp" -> MlpShape.parse(line);
            case "unet" -> UnetShape.parse(line);
            default -> throw new IllegalArgumentException("bad architecture '" + line + "'");
        };
    }
}
