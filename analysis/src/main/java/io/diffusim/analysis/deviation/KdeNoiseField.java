package io.diffusim.analysis.deviation;

/**
 * The ideal noise field of a kernel density estimate over N centres with bandwidth sigma (docs/science.md §4.2): at
 * {@code x}, weights {@code w_j = softmax_j(-||x - x0_j||^2 / (2 sigma^2))}, mean {@code m = sum_j w_j x0_j}, field
 * {@code eps* = (x - m) / sigma} and its exact diagonal {@code d eps*_k / d x_k = (1 - Var_w[x0_k] / sigma^2) / sigma}
 * (the weights' dependence on x included, as autograd has it). Every centre counts, the point's own included (not
 * leave-one-out). The ideal denoiser of the model's own samples: a model equal to it has no schedule deviation.
 * Thread-safe.
 */
public final class KdeNoiseField implements SigmaField {

    private final double[] centres;
    private final int n;
    private final int d;

    /** @param centres row-major {@code [n, d]} */
    public KdeNoiseField(double[] centres, int n, int d) {
        if (n < 1 || d < 1 || centres.length != (long) n * d) {
            throw new IllegalArgumentException("expected " + n + " x " + d + " centres, got " + centres.length + " values");
        }
        this.centres = centres.clone();
        this.n = n;
        this.d = d;
    }

    @Override
    public int dimension() {
        return d;
    }

    @Override
    public double[] eps(double[] x, int rows, double sigma) {
        double[] out = new double[rows * d];
        double[] w = new double[n];
        for (int i = 0; i < rows; i++) {
            weights(x, i, sigma, w);
            for (int k = 0; k < d; k++) {
                double m = 0;
                for (int j = 0; j < n; j++) {
                    m += w[j] * centres[j * d + k];
                }
                out[i * d + k] = (x[i * d + k] - m) / sigma;
            }
        }
        return out;
    }

    @Override
    public double[] diagonal(double[] x, int rows, double sigma, int[] k) {
        double[] out = new double[rows];
        double[] w = new double[n];
        for (int i = 0; i < rows; i++) {
            weights(x, i, sigma, w);
            out[i] = (1 - weightedVariance(w, k[i]) / (sigma * sigma)) / sigma;
        }
        return out;
    }

    /** {@code sum_k d eps*_k / d x_k} at each row: the exact trace. */
    public double[] trace(double[] x, int rows, double sigma) {
        double[] out = new double[rows];
        double[] w = new double[n];
        for (int i = 0; i < rows; i++) {
            weights(x, i, sigma, w);
            double sum = 0;
            for (int k = 0; k < d; k++) {
                sum += (1 - weightedVariance(w, k) / (sigma * sigma)) / sigma;
            }
            out[i] = sum;
        }
        return out;
    }

    private double weightedVariance(double[] w, int k) {
        double mean = 0;
        double second = 0;
        for (int j = 0; j < n; j++) {
            double c = centres[j * d + k];
            mean += w[j] * c;
            second += w[j] * c * c;
        }
        return Math.max(0, second - mean * mean);
    }

    /** The softmax weights of row {@code i}, by the max-shifted sum so that no term underflows to 0 / 0. */
    private void weights(double[] x, int i, double sigma, double[] w) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            double sq = 0;
            for (int k = 0; k < d; k++) {
                double diff = x[i * d + k] - centres[j * d + k];
                sq += diff * diff;
            }
            w[j] = -sq / (2 * sigma * sigma);
            max = Math.max(max, w[j]);
        }
        double sum = 0;
        for (int j = 0; j < n; j++) {
            w[j] = Math.exp(w[j] - max);
            sum += w[j];
        }
        for (int j = 0; j < n; j++) {
            w[j] /= sum;
        }
    }
}
