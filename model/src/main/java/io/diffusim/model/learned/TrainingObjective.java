package io.diffusim.model.learned;

import io.diffusim.model.denoise.EvalRequest;
import io.diffusim.model.denoise.Prediction;
import io.diffusim.model.process.ForwardProcess;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A training objective of the MLP (docs/science.md §1.4, §1.5, §3.5, §5.3, §7.4) from both ends: how a training row
 * is drawn and corrupted and what the loss compares ({@link #drawTime}, {@link #corruption}, {@link #loss}), and how
 * the trained network's output reads as a {@link Prediction} for every sampler ({@link #prediction}).
 *
 * <p>The time an objective draws is the process time its requests carry (the chain index for vp, sigma for ve and
 * edm, t for fm, gamma for EqM); {@link #networkTime} maps it to the network's time input. Implementations are
 * immutable and thread-safe.
 */
public interface TrainingObjective {

    /** What a checkpoint's header records so that a reader interprets the output as trained (e.g. "eps"). */
    String describe();

    /** The training-only settings that shape the trajectory (a resumed training must share them); "" if none. */
    default String training() {
        return "";
    }

    /** The form of the per-row loss. */
    default LossForm loss() {
        return LossForm.REGRESSION;
    }

    /** Whether the trained field takes no time at all (EqM: its requests carry none). */
    default boolean timeFree() {
        return false;
    }

    /** One row's training time, drawn from {@code random} under the objective's training prior. */
    double drawTime(SplittableRandom random);

    /** The row at training time {@code time}. */
    RowCorruption corruption(double time);

    /** The network's time input at process time t (ignored by a noise-unconditional network). */
    double networkTime(double t);

    /** The scale of the network's input at t, {@code c_in} for a preconditioned objective (§1.5); else 1. */
    default double inputScale(double t) {
        return 1;
    }

    /** The network's output (its noise part, in x's type) read as the denoiser's prediction at the request. */
    Prediction prediction(EvalRequest request, INDArray output, ForwardProcess process);

    /** A float64 {@code [B, 1]} column of per-row values. */
    static INDArray column(double[] values) {
        return Nd4j.create(values, new long[] {values.length, 1}, DataType.DOUBLE);
    }
}
