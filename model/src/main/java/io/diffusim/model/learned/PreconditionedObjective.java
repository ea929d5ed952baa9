package io.diffusim.model.learned;

import io.diffusim.model.denoise.EvalRequest;
import io.diffusim.model.denoise.NoiseCoefficients;
import io.diffusim.model.denoise.Prediction;
import io.diffusim.model.param.Preconditioning;
import io.diffusim.model.param.TargetCoefficients;
import io.diffusim.model.process.ForwardProcess;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * EDM's preconditioned objective and its noise-unconditional variant uEDM (docs/science.md §1.5) in the VE space
 * {@code x = x_0 + sigma eps}: {@code ln sigma ~ N(-1.2, 1.2^2)} (§1.3), the network F sees {@code c_in x} and is
 * regressed on {@code (x_0 - c_skip x)/c_out}, which is {@code lambda ||D - x_0||^2} since {@code lambda c_out^2 = 1};
 * the denoiser reads {@code D = c_skip x + c_out F}. The time input is {@code 100 c_noise = 25 ln sigma}, which spreads
 * EDM's noise input over the range the reference's integer chain spans [assumed].
 */
public final class PreconditionedObjective implements TrainingObjective {

    /** EDM's training noise, {@code ln sigma ~ N(P_mean, P_std^2)} (docs/science.md §1.3). */
    public static final double P_MEAN = -1.2;
    public static final double P_STD = 1.2;
    /** The network's time input per unit of ln sigma. */
    static final double TIME_PER_LOG_SIGMA = 25;

    private final String word;
    private final Preconditioning preconditioning;
    private final double inverseDimension;

    /** @param word the objective's name ("edm" or "uedm") */
    public PreconditionedObjective(String word, Preconditioning preconditioning, int dimension) {
        this.word = word;
        this.preconditioning = preconditioning;
        this.inverseDimension = 1.0 / dimension;
    }

    @Override
    public String describe() {
        return word;
    }

    @Override
    public double drawTime(SplittableRandom random) {
        return Math.exp(P_MEAN + P_STD * random.nextGaussian());
    }

    @Override
    public RowCorruption corruption(double sigma) {
        TargetCoefficients target = preconditioning.targetCoefficients(sigma);
        return RowCorruption.of(1, sigma, target.c(), target.d(), inverseDimension);
    }

    @Override
    public double networkTime(double sigma) {
        return TIME_PER_LOG_SIGMA * Math.log(sigma);
    }

    @Override
    public double inputScale(double sigma) {
        return preconditioning.cIn(sigma);
    }

    @Override
    public Prediction prediction(EvalRequest request, INDArray output, ForwardProcess process) {
        NoiseCoefficients coefficients = NoiseCoefficients.of(process, request);
        INDArray sigma = coefficients.b();
        INDArray denoised = preconditioning.denoised(request.x(), output, sigma).castTo(request.x().dataType());
        return Prediction.ofX0(request.x(), denoised, coefficients.a(), sigma);
    }
}
