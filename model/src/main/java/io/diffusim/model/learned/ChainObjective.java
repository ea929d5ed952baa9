package io.diffusim.model.learned;

import io.diffusim.model.denoise.EvalRequest;
import io.diffusim.model.denoise.NoiseCoefficients;
import io.diffusim.model.denoise.Prediction;
import io.diffusim.model.param.Conversions;
import io.diffusim.model.process.ForwardProcess;
import java.util.Locale;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The regression objectives on a discrete VP chain (docs/science.md §1.4, §7.2-7.3): t uniform on {0..T-1},
 * {@code x_t = a x_0 + b eps}, and the MSE (the mean over the coordinates) against eps, x_0 or
 * {@code v = a eps - b x_0}; the network's time input is the integer t, as the reference feeds it. With the
 * log-density head of §7.4 each row adds {@code -+ lambda_t l-hat}, {@code lambda_t = w (1 - t/T)}.
 */
public final class ChainObjective implements TrainingObjective {

    /** What the network predicts. */
    public enum Target { EPS, X0, V }

    /** The head's term: base weight w and sign (-1 for eq. 4's minus). */
    public record DensityTerm(double weight, double sign) {
    }

    private final Target target;
    private final double[] a;
    private final double[] b;
    private final double inverseDimension;
    private final DensityTerm density;

    /**
     * @param a a(t) for t = 0..T-1
     * @param b b(t) likewise
     * @param density the head's term, or null without a head
     */
    public ChainObjective(Target target, double[] a, double[] b, int dimension, DensityTerm density) {
        if (a.length == 0 || a.length != b.length) {
            throw new IllegalArgumentException("a and b tables must have one nonzero length, got " + a.length + ", "
                    + b.length);
        }
        this.target = target;
        this.a = a;
        this.b = b;
        this.inverseDimension = 1.0 / dimension;
        this.density = density;
    }

    @Override
    public String describe() {
        return target.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String training() {
        return density == null ? "" : "density-weight=" + density.weight() + " density-sign=" + density.sign();
    }

    @Override
    public double drawTime(SplittableRandom random) {
        return random.nextInt(a.length);
    }

    @Override
    public RowCorruption corruption(double time) {
        int t = (int) time;
        double head = density == null ? 0 : density.sign() * density.weight() * (1 - time / a.length);
        return switch (target) {
            case EPS -> new RowCorruption(a[t], b[t], 0, 1, inverseDimension, head);
            case X0 -> new RowCorruption(a[t], b[t], 1, 0, inverseDimension, head);
            case V -> new RowCorruption(a[t], b[t], -b[t], a[t], inverseDimension, head);
        };
    }

    @Override
    public double networkTime(double t) {
        return t;
    }

    @Override
    public Prediction prediction(EvalRequest request, INDArray output, ForwardProcess process) {
        NoiseCoefficients coefficients = NoiseCoefficients.of(process, request);
        INDArray x = request.x();
        INDArray ca = coefficients.a();
        INDArray cb = coefficients.b();
        return switch (target) {
            case EPS -> Prediction.ofEps(x, output, ca, cb);
            case X0 -> Prediction.ofX0(x, output, ca, cb);
            case V -> Prediction.ofX0(x, Conversions.x0FromV(x, output, ca, cb), Conversions.epsFromV(x, output, ca, cb),
                    ca, cb);
        };
    }
}
