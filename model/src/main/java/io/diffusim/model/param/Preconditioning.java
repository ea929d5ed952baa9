package io.diffusim.model.param;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import java.util.function.DoubleUnaryOperator;

/**
 * A denoiser wrapper {@code D(x; sigma) = c_skip x + c_out F(c_in x; c_noise)} for VE data {@code x = x_0 + sigma eps}
 * (docs/science.md §1.5, EDM {@code EDMPrecond}).
 *
 * <p>Batched methods take sigma as a {@code [B, 1]} column, never mutate their inputs and return fresh arrays.
 */
public interface Preconditioning {

    /** Weight of the skip connection. */
    double cSkip(double sigma);

    /** Scale of the network output. */
    double cOut(double sigma);

    /** Scale of the network input. */
    double cIn(double sigma);

    /** Whether F receives a noise input; when false {@link #cNoise} throws. */
    boolean conditionsOnNoise();

    /** The noise input of F. */
    double cNoise(double sigma);

    /** Loss weight lambda(sigma) of {@code ||D - x_0||^2}, chosen so that {@code lambda c_out^2 = 1}. */
    double lossWeight(double sigma);

    /** The target of F implied by {@code D = x_0}: {@code c = (1 - c_skip)/c_out}, {@code d = -c_skip sigma/c_out}. */
    default TargetCoefficients targetCoefficients(double sigma) {
        double cOut = cOut(requirePositive(sigma));
        return new TargetCoefficients((1 - cSkip(sigma)) / cOut, -cSkip(sigma) * sigma / cOut);
    }

    /** {@code c_in x}, the network input. */
    default INDArray networkInput(INDArray x, INDArray sigma) {
        return x.mulColumnVector(column(sigma, this::cIn));
    }

    /** {@code D = c_skip x + c_out F} from the raw network output F. */
    default INDArray denoised(INDArray x, INDArray rawOutput, INDArray sigma) {
        return x.mulColumnVector(column(sigma, this::cSkip)).addi(rawOutput.mulColumnVector(column(sigma, this::cOut)));
    }

    /** The implied target of F, {@code (x_0 - c_skip x)/c_out} for {@code x = x_0 + sigma eps}; needs sigma > 0. */
    default INDArray networkTarget(INDArray x0, INDArray x, INDArray sigma) {
        return x.mulColumnVector(column(sigma, this::cSkip)).rsubi(x0)
                .diviColumnVector(column(sigma, s -> cOut(requirePositive(s))));
    }

    /** Rejects sigma <= 0 or non-finite, naming it. */
    static double requirePositive(double sigma) {
        if (!(sigma > 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("sigma must be finite and > 0, got " + sigma);
        }
        return sigma;
    }

    /** Rejects sigma < 0 or non-finite, naming it. */
    static double requireNonNegative(double sigma) {
        if (!(sigma >= 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("sigma must be finite and >= 0, got " + sigma);
        }
        return sigma;
    }

    /** A fresh float64 [B, 1] column f(sigma_i); per-row scalars, so a plain loop beats several ND4J ops. */
    private static INDArray column(INDArray sigma, DoubleUnaryOperator f) {
        double[] values = sigma.castTo(DataType.DOUBLE).reshape(sigma.length()).toDoubleVector();
        for (int i = 0; i < values.length; i++) {
            values[i] = f.applyAsDouble(values[i]);
        }
        return Nd4j.create(values, new long[] {values.length, 1}, DataType.DOUBLE);
    }
}
