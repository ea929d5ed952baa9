package io.diffusim.sampling;

import io.diffusim.model.denoise.EvalRequest;
import io.diffusim.model.denoise.Prediction;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Cheap analytic models and schedules that drive the sampler tests (test code only). */
final class TestModels {

    private TestModels() {
    }

    /** A model: one batched evaluation, the test-side stand-in for a Denoiser. */
    interface Model extends Function<EvalRequest, Prediction> {
    }

    /** Linear beta schedule (docs/science.md §1.2), beta_start = 1e-4, beta_end = 0.02. */
    static double[] linearBetas(int steps) {
        double[] betas = new double[steps];
        for (int t = 0; t < steps; t++) {
            betas[t] = 1e-4 + (0.02 - 1e-4) * t / (steps - 1);
        }
        return betas;
    }

    static double[] alphaBars(double[] betas) {
        double[] alphaBar = new double[betas.length];
        double product = 1;
        for (int t = 0; t < betas.length; t++) {
            product *= 1 - betas[t];
            alphaBar[t] = product;
        }
        return alphaBar;
    }

    /**
     * Exact posterior mean of isotropic Gaussian data N(mean, std^2 I) under x = a x0 + b eps, with a(t), b(t)
     * read from the first row's time (the samplers give every row the same time).
     */
    static Model gaussian(double mean, double std, DoubleUnaryOperator a, DoubleUnaryOperator b) {
        return request -> {
            double t = request.t().getDouble(0, 0);
            double at = a.applyAsDouble(t);
            double bt = b.applyAsDouble(t);
            double gain = at * std * std / (at * at * std * std + bt * bt);
            INDArray x0 = request.x().sub(at * mean).muli(gain).addi(mean);
            return Prediction.ofX0(request.x(), x0, column(request.batch(), at), column(request.batch(), bt));
        };
    }

    /** Gaussian data in a discrete VP chain with integer time. */
    static Model gaussianVp(double mean, double std, double[] alphaBar) {
        return gaussian(mean, std, t -> Math.sqrt(alphaBar[(int) t]), t -> Math.sqrt(1 - alphaBar[(int) t]));
    }

    /** Gaussian data in VE space (a = 1, b = sigma). */
    static Model gaussianVe(double mean, double std) {
        return gaussian(mean, std, t -> 1, t -> t);
    }

    /** Gaussian data under flow matching (a = 1 - t, b = t). */
    static Model gaussianFm(double mean, double std) {
        return gaussian(mean, std, t -> 1 - t, t -> t);
    }

    /** The time-free field f(x) = strength (x - mean) of the energy strength ||x - mean||^2 / 2. */
    static Model quadraticField(double mean, double strength) {
        return request -> Prediction.ofField(request.x(), request.x().sub(mean).muli(strength));
    }

    static INDArray column(int batch, double value) {
        return Nd4j.valueArrayOf(new long[] {batch, 1}, value, DataType.DOUBLE);
    }

    static long[] ids(long from, int count) {
        long[] ids = new long[count];
        for (int i = 0; i < count; i++) {
            ids[i] = from + i;
        }
        return ids;
    }

    /** Runs a sampler to the end with a plain loop. */
    static SamplerState run(Sampler sampler, Model model, long[] particles, NoiseSource noise) {
        SamplerState state = sampler.start(particles, noise);
        while (!sampler.finished(state)) {
            state = sampler.accept(state, model.apply(sampler.nextEvaluation(state)), noise);
        }
        return state;
    }

    /** Sample mean and standard deviation of a flat array. */
    static double[] meanAndStd(double[] values) {
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= values.length;
        double var = 0;
        for (double v : values) {
            var += (v - mean) * (v - mean);
        }
        return new double[] {mean, Math.sqrt(var / (values.length - 1))};
    }

    /** The EDM rho-grid of docs/science.md §1.3 with the appended t_N = 0. */
    static double[] edmGrid(int n, double sigmaMin, double sigmaMax, double rho) {
        double[] grid = new double[n + 1];
        for (int i = 0; i < n; i++) {
            double root = Math.pow(sigmaMax, 1 / rho) + (double) i / (n - 1) * (Math.pow(sigmaMin, 1 / rho) - Math.pow(sigmaMax, 1 / rho));
            grid[i] = Math.pow(root, rho);
        }
        return grid;
    }

    /** A geometric descending grid of count values from high to low. */
    static double[] geometricGrid(double high, double low, int count) {
        double[] grid = new double[count];
        for (int i = 0; i < count; i++) {
            grid[i] = high * Math.pow(low / high, (double) i / (count - 1));
        }
        return grid;
    }

    /** The DDIM linspace subsequence tau_j = round((T-1)(1 - j/(S-1))) of docs/science.md §1.3. */
    static int[] linspaceSubsequence(int chainLength, int steps) {
        int[] tau = new int[steps];
        for (int j = 0; j < steps; j++) {
            tau[j] = (int) Math.round((chainLength - 1) * (1 - (double) j / (steps - 1)));
        }
        return tau;
    }
}
