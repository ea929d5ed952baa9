package io.diffusim.analysis.deviation;

import io.diffusim.model.denoise.Denoiser;
import io.diffusim.model.denoise.EvalRequest;
import io.diffusim.model.denoise.Prediction;
import io.diffusim.model.host.HostRows;
import io.diffusim.model.process.ForwardProcess;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A run's denoiser seen in VE sigma-space (docs/science.md §4.1): with {@code x_t = a x_0 + b eps}, the VE state
 * {@code x = x_t / a} has noise level {@code sigma = b / a} and the same eps, so {@code eps(x, sigma) =
 * eps-hat(a x, t(sigma))}, with t(sigma) found by bisection on the process's time domain (b/a increases with t for
 * every process here). Its diagonal is the central difference of {@link SigmaField}.
 */
public final class DenoiserSigmaField implements SigmaField {

    private static final int BISECTIONS = 100;

    private final Denoiser denoiser;
    private final ForwardProcess process;

    public DenoiserSigmaField(Denoiser denoiser) {
        this.denoiser = denoiser;
        this.process = denoiser.process();
        if (process == null) {
            throw new IllegalArgumentException("a time-free EqM field has no noise level: schedule deviation needs a "
                    + "denoiser of a forward process");
        }
    }

    /** b/a at t. */
    public double sigma(double t) {
        return process.b(t) / process.a(t);
    }

    /** The time whose b/a is {@code sigma}, clamped to the process's time domain. */
    public double time(double sigma) {
        double lo = process.tMin();
        double hi = process.tMax();
        if (sigma <= sigmaAtStart()) {
            return lo;
        }
        if (sigma >= sigma(hi)) {
            return hi;
        }
        for (int i = 0; i < BISECTIONS; i++) {
            double mid = 0.5 * (lo + hi);
            if (sigma(mid) < sigma) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** The smallest noise level with b > 0 (a process may start at b = 0, where sigma-space is undefined). */
    public double sigmaAtStart() {
        double t = process.tMin();
        return process.b(t) > 0 ? sigma(t) : sigma(t + 1e-6 * (process.tMax() - t));
    }

    @Override
    public int dimension() {
        return denoiser.dimension();
    }

    @Override
    public double[] eps(double[] x, int rows, double sigma) {
        return HostRows.read(evaluate(x, rows, sigma).eps());
    }

    /** The posterior mean x0-hat at each row (the same in VE and in the process's own coordinates). */
    public double[] x0(double[] x, int rows, double sigma) {
        return HostRows.read(evaluate(x, rows, sigma).x0());
    }

    private Prediction evaluate(double[] x, int rows, double sigma) {
        double t = time(sigma);
        double a = process.a(t);
        double[] scaled = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            scaled[i] = a * x[i];
        }
        return denoiser.evaluate(new EvalRequest(HostRows.matrix(scaled, rows, dimension()),
                Nd4j.valueArrayOf(new long[] {rows, 1}, t, DataType.DOUBLE), null));
    }
}
