package io.diffusim.analysis.deviation;

import io.diffusim.analysis.RunningMean;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Algorithm 1 of docs/science.md §4.2: the schedule deviation of one condition from the model's own N samples. At
 * each level sigma the samples are noised afresh, {@code x_i = x0_i + sigma xi_i}, the ideal field eps* of their
 * kernel density estimate (bandwidth sigma, {@link KdeNoiseField}) is set beside the model's e, and
 * {@code v_i = sigma delta_i + <eps*_i, eps*_i - e_i>} with {@code delta_i} the divergence of {@code e - eps*} at
 * {@code x_i} ({@link DivergenceMode}); {@code SI(sigma) = mean_i |v_i|}. Each level's SI is a {@link RunningMean} of
 * the |v_i|, so measurements of disjoint sample sets combine.
 *
 * <p>Deterministic given {@code random}; not thread-safe.
 */
public final class ScheduleDeviation {

    /**
     * @param sigmas the evaluation levels, descending (the reference's {@code gen[::8]}, 9 values)
     * @param probes random diagonal probes per point (n_div, 16 in the reference sweeps)
     */
    public record Settings(double[] sigmas, int probes, DivergenceMode mode) {
        public Settings {
            if (sigmas.length == 0 || Arrays.stream(sigmas).anyMatch(s -> !(s > 0) || !Double.isFinite(s))) {
                throw new IllegalArgumentException("sigmas must be positive and finite, got " + Arrays.toString(sigmas));
            }
            if (probes < 1) {
                throw new IllegalArgumentException("probes must be >= 1, got " + probes);
            }
            sigmas = sigmas.clone();
        }
    }

    /** SI per level, in the order of {@link Settings#sigmas()}. */
    public record Result(double[] sigmas, RunningMean[] si) {

        /** The mean of SI over the levels {@code from..to} (inclusive; the capacity plots take 2..6). */
        public double mean(int from, int to) {
            RunningMean mean = RunningMean.create();
            for (int i = from; i <= to; i++) {
                mean.accept(si[i].result());
            }
            return mean.result();
        }

        /** The mean of SI over every level (the data-size plots). */
        public double mean() {
            return mean(0, si.length - 1);
        }

        /**
         * The deviation over schedule time on a log-linear schedule: {@code ln(sigma_max/sigma_min) * int SI du}, the
         * trapezoid rule in u, the position on the log-sigma axis (docs/science.md §4.1).
         */
        public double scheduleIntegral() {
            double max = Arrays.stream(sigmas).max().orElseThrow();
            double min = Arrays.stream(sigmas).min().orElseThrow();
            double span = Math.log(max / min);
            double integral = 0;
            for (int i = 1; i < sigmas.length; i++) {
                double du = Math.abs(Math.log(sigmas[i - 1] / sigmas[i])) / span;
                integral += 0.5 * (si[i - 1].result() + si[i].result()) * du;
            }
            return span * integral;
        }

        /** This result with {@code other}'s points merged in, level by level (both of the same levels). */
        public Result combine(Result other) {
            if (!Arrays.equals(sigmas, other.sigmas)) {
                throw new IllegalArgumentException("results of different levels do not combine");
            }
            for (int i = 0; i < si.length; i++) {
                si[i].combine(other.si[i]);
            }
            return this;
        }
    }

    private ScheduleDeviation() {
    }

    /**
     * @param samples the model's N samples at the condition, row-major {@code [n, D]}
     */
    public static Result measure(SigmaField model, double[] samples, int n, Settings settings, SplittableRandom random) {
        int d = model.dimension();
        KdeNoiseField ideal = new KdeNoiseField(samples, n, d);
        RunningMean[] si = new RunningMean[settings.sigmas().length];
        double[] x = new double[n * d];
        for (int level = 0; level < si.length; level++) {
            double sigma = settings.sigmas()[level];
            for (int i = 0; i < x.length; i++) {
                x[i] = samples[i] + sigma * random.nextGaussian();
            }
            double[] e = model.eps(x, n, sigma);
            double[] star = ideal.eps(x, n, sigma);
            double[] divergence = divergence(model, ideal, x, n, sigma, settings, random);
            si[level] = RunningMean.create();
            for (int i = 0; i < n; i++) {
                double inner = 0;
                for (int k = 0; k < d; k++) {
                    inner += star[i * d + k] * (star[i * d + k] - e[i * d + k]);
                }
                si[level].accept(Math.abs(sigma * divergence[i] + inner));
            }
        }
        return new Result(settings.sigmas(), si);
    }

    /** delta_i, the divergence of e - eps* at each point, as the mode estimates it. */
    private static double[] divergence(SigmaField model, KdeNoiseField ideal, double[] x, int n, double sigma,
            Settings settings, SplittableRandom random) {
        int d = model.dimension();
        double[] delta = new double[n];
        switch (settings.mode()) {
            case NONE -> { }
            case EXACT_TRACE -> {
                double[] idealTrace = ideal.trace(x, n, sigma);
                int[] k = new int[n];
                for (int coordinate = 0; coordinate < d; coordinate++) {
                    Arrays.fill(k, coordinate);
                    double[] diagonal = model.diagonal(x, n, sigma, k);
                    for (int i = 0; i < n; i++) {
                        delta[i] += diagonal[i];
                    }
                }
                for (int i = 0; i < n; i++) {
                    delta[i] -= idealTrace[i];
                }
            }
            case RANDOM_DIAGONAL -> {
                int[] k = new int[n];
                for (int probe = 0; probe < settings.probes(); probe++) {
                    for (int i = 0; i < n; i++) {
                        k[i] = random.nextInt(d);
                    }
                    double[] modelDiagonal = model.diagonal(x, n, sigma, k);
                    double[] idealDiagonal = ideal.diagonal(x, n, sigma, k);
                    for (int i = 0; i < n; i++) {
                        delta[i] += d * (modelDiagonal[i] - idealDiagonal[i]) / settings.probes();
                    }
                }
            }
        }
        return delta;
    }
}
