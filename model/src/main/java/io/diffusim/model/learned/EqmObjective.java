package io.diffusim.model.learned;

import io.diffusim.model.denoise.EvalRequest;
import io.diffusim.model.denoise.Prediction;
import io.diffusim.model.eqm.MagnitudeFunction;
import io.diffusim.model.process.ForwardProcess;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Equilibrium matching (docs/science.md §3.5): gamma uniform on [0, 1), {@code x_gamma = gamma x_0 + (1-gamma) eps},
 * the MSE against {@code (eps - x_0) c(gamma)}; the output is the time-free gradient field f of §2.7. As in the
 * reference code, a network with a time input is fed 0 there, in training and in sampling.
 */
public final class EqmObjective implements TrainingObjective {

    private final MagnitudeFunction magnitude;
    private final String magnitudeWords;
    private final double inverseDimension;

    /** @param magnitudeWords c(gamma) as the spec names it, recorded with the training settings */
    public EqmObjective(MagnitudeFunction magnitude, String magnitudeWords, int dimension) {
        this.magnitude = magnitude;
        this.magnitudeWords = magnitudeWords;
        this.inverseDimension = 1.0 / dimension;
    }

    @Override
    public String describe() {
        return "eqm";
    }

    @Override
    public String training() {
        return magnitudeWords;
    }

    @Override
    public boolean timeFree() {
        return true;
    }

    @Override
    public double drawTime(SplittableRandom random) {
        return random.nextDouble();
    }

    @Override
    public RowCorruption corruption(double gamma) {
        double c = magnitude.c(gamma);
        return RowCorruption.of(gamma, 1 - gamma, -c, c, inverseDimension);
    }

    @Override
    public double networkTime(double gamma) {
        return 0;
    }

    @Override
    public Prediction prediction(EvalRequest request, INDArray field, ForwardProcess process) {
        return Prediction.ofField(request.x(), field);
    }
}
