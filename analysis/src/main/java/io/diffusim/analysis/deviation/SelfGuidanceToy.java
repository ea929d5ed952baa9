package io.diffusim.analysis.deviation;

import io.diffusim.model.process.LogLinearSigmaSchedule;
import io.diffusim.model.process.grid.TrailingSigmaGrid;

/**
 * The closed-form self-guidance toy of docs/science.md §4.6 (D = 1, sigma-space, component standard deviation
 * s = 0.1): the ideal fields of the left data N(-1, s^2) and the right data (N(1, s^2) + N(0, s^2))/2, blended by
 * the condition c linearly or with the Fourier weights; a blend is the field of no distribution, so its sampler does
 * not denoise its own output and its schedule deviation is positive away from c = 0 and c = 1.
 */
public final class SelfGuidanceToy {

    /** The toy's component standard deviation. */
    public static final double S = 0.1;
    private static final double[] RIGHT_MEANS = {1, 0};

    private SelfGuidanceToy() {
    }

    /** The toy schedule's table: log-linear, L = 1024, sigma in [8e-3, 10]. */
    public static LogLinearSigmaSchedule schedule() {
        return new LogLinearSigmaSchedule(1024, 8e-3, 10);
    }

    /** The sampling grid: 128 trailing steps of the table (129 levels, descending). */
    public static double[] samplingGrid() {
        return TrailingSigmaGrid.of(schedule(), 128).times();
    }

    /** The evaluation levels: all 65 of the table's 64-step trailing grid. */
    public static double[] evaluationLevels() {
        return TrailingSigmaGrid.of(schedule(), 64).times();
    }

    /** The linear self-guided model {@code (1 - c) eps_L + c eps_R}. */
    public static SigmaField linear(double c) {
        return new Blend(1 - c, c);
    }

    /** The Fourier model: weights {@code g(c), g(1 - c)} normalised, {@code g(u) = 1.5/(1+(4u)^2)^1.5 - 1.5/17^1.5}. */
    public static SigmaField fourier(double c) {
        double left = g(c);
        double right = g(1 - c);
        return new Blend(left / (left + right), right / (left + right));
    }

    private static double g(double u) {
        return 1.5 / Math.pow(1 + 16 * u * u, 1.5) - 1.5 / Math.pow(17, 1.5);
    }

    /** {@code wLeft eps_L + wRight eps_R}, with its exact derivative. */
    private record Blend(double wLeft, double wRight) implements SigmaField {

        @Override
        public int dimension() {
            return 1;
        }

        @Override
        public double[] eps(double[] x, int rows, double sigma) {
            double v = S * S + sigma * sigma;
            double[] out = new double[rows];
            for (int i = 0; i < rows; i++) {
                double[] rho = responsibilities(x[i], v);
                double right = 0;
                for (int m = 0; m < RIGHT_MEANS.length; m++) {
                    right += rho[m] * (x[i] - RIGHT_MEANS[m]);
                }
                out[i] = sigma / v * (wLeft * (x[i] + 1) + wRight * right);
            }
            return out;
        }

        @Override
        public double[] diagonal(double[] x, int rows, double sigma, int[] k) {
            double v = S * S + sigma * sigma;
            double[] out = new double[rows];
            for (int i = 0; i < rows; i++) {
                double[] rho = responsibilities(x[i], v);
                double mean = rho[0] * RIGHT_MEANS[0] + rho[1] * RIGHT_MEANS[1];
                double second = rho[0] * RIGHT_MEANS[0] * RIGHT_MEANS[0] + rho[1] * RIGHT_MEANS[1] * RIGHT_MEANS[1];
                // d/dx sum_m rho_m (x - mu_m) = 1 - Var_rho(mu) / v
                out[i] = sigma / v * (wLeft + wRight * (1 - (second - mean * mean) / v));
            }
            return out;
        }

        private static double[] responsibilities(double x, double v) {
            double a = -(x - RIGHT_MEANS[0]) * (x - RIGHT_MEANS[0]) / (2 * v);
            double b = -(x - RIGHT_MEANS[1]) * (x - RIGHT_MEANS[1]) / (2 * v);
            double max = Math.max(a, b);
            double ea = Math.exp(a - max);
            double eb = Math.exp(b - max);
            return new double[] {ea / (ea + eb), eb / (ea + eb)};
        }
    }
}
