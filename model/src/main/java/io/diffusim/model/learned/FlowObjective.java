package io.diffusim.model.learned;

import io.diffusim.model.denoise.EvalRequest;
import io.diffusim.model.denoise.NoiseCoefficients;
import io.diffusim.model.denoise.Prediction;
import io.diffusim.model.host.HostRows;
import io.diffusim.model.param.Conversions;
import io.diffusim.model.process.ForwardProcess;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Flow matching (docs/science.md §1.4, NOCOND): t uniform on [0, 1), {@code x_t = (1-t) x_0 + t eps}, the MSE
 * against the velocity {@code u = eps - x_0}; the denoiser inverts {@code u} with {@code Delta = 1}:
 * {@code x_0 = x_t - t u}, {@code eps = x_t + (1-t) u}. The time input is {@code 100 t}, the range of the
 * reference's integer chain [assumed].
 */
public final class FlowObjective implements TrainingObjective {

    /** The network's time input per unit of t. */
    static final double TIME_SCALE = 100;

    private final double inverseDimension;

    public FlowObjective(int dimension) {
        this.inverseDimension = 1.0 / dimension;
    }

    @Override
    public String describe() {
        return "fm";
    }

    @Override
    public double drawTime(SplittableRandom random) {
        return random.nextDouble();
    }

    @Override
    public RowCorruption corruption(double t) {
        return RowCorruption.of(1 - t, t, -1, 1, inverseDimension);
    }

    @Override
    public double networkTime(double t) {
        return TIME_SCALE * t;
    }

    @Override
    public Prediction prediction(EvalRequest request, INDArray u, ForwardProcess process) {
        NoiseCoefficients coefficients = NoiseCoefficients.of(process, request);
        double[] t = HostRows.read(request.t());
        double[] aDot = new double[t.length];
        double[] bDot = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            aDot[i] = process.aDot(t[i]);
            bDot[i] = process.bDot(t[i]);
        }
        INDArray x = request.x();
        INDArray a = coefficients.a();
        INDArray b = coefficients.b();
        INDArray aDotColumn = TrainingObjective.column(aDot);
        INDArray bDotColumn = TrainingObjective.column(bDot);
        INDArray delta = Conversions.delta(a, b, aDotColumn, bDotColumn);
        return Prediction.ofX0(x, Conversions.x0FromVelocity(x, u, b, bDotColumn, delta),
                Conversions.epsFromVelocity(x, u, a, aDotColumn, delta), a, b);
    }
}
