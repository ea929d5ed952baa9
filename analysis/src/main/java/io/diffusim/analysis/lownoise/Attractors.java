package io.diffusim.analysis.lownoise;

import io.diffusim.analysis.deviation.SigmaField;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Attractors of a model (docs/science.md §5.4): each training point perturbed, {@code y = x_i + sigma_p z}, is carried
 * by the deterministic Euler sampler on the EDM rho-grid restricted to {@code [0.002, sigma_p]} and ending at 0
 * (10 steps, rho = 7, {@code x <- x + (sigma' - sigma) eps(x, sigma)}) to an end point; it "returned" when its nearest training point is
 * x_i and it lies within {@code tau = 0.1 * median nearest-neighbour distance} of it (for a single point
 * {@code 0.1 sqrt(D) sigma_min}). Reports the return rate per sigma_p and the basin radius, the largest sigma_p whose
 * rate is at least 0.9.
 */
public final class Attractors {

    static final double SIGMA_MIN = 0.002;
    static final int STEPS = 10;
    static final double RHO = 7;
    static final double BASIN_RATE = 0.9;

    /** Return rates per perturbation level, and the basin radius (NaN when no level reaches the rate). */
    public record Result(double[] sigmas, double[] returnRate, double basinRadius) {
    }

    private Attractors() {
    }

    public static Result measure(SigmaField model, double[] training, int n, double[] sigmas, SplittableRandom random) {
        int d = model.dimension();
        double tau = 0.1 * (n == 1 ? Math.sqrt(d) * SIGMA_MIN : medianNearestNeighbour(training, n, d));
        double[] rates = new double[sigmas.length];
        double basin = Double.NaN;
        for (int level = 0; level < sigmas.length; level++) {
            double[] x = new double[n * d];
            for (int i = 0; i < x.length; i++) {
                x[i] = training[i] + sigmas[level] * random.nextGaussian();
            }
            double[] grid = grid(sigmas[level]);
            for (int step = 0; step + 1 < grid.length; step++) {
                double[] e = model.eps(x, n, grid[step]);
                for (int i = 0; i < x.length; i++) {
                    x[i] += (grid[step + 1] - grid[step]) * e[i];
                }
            }
            int returned = 0;
            for (int i = 0; i < n; i++) {
                int nearest = nearest(x, i, training, n, d);
                if (nearest == i && Math.sqrt(distanceSq(x, i, training, i, d)) < tau) {
                    returned++;
                }
            }
            rates[level] = (double) returned / n;
            if (rates[level] >= BASIN_RATE && !(basin >= sigmas[level])) {
                basin = sigmas[level];
            }
        }
        return new Result(sigmas.clone(), rates, basin);
    }

    /**
     * The EDM rho-grid of docs/science.md §1.3 with {@link #STEPS} levels from sigma_p down to {@link #SIGMA_MIN},
     * followed by 0: {@link #STEPS} Euler steps, the last one onto the model's posterior mean.
     */
    static double[] grid(double sigmaP) {
        double[] grid = new double[STEPS + 1];
        double top = Math.pow(sigmaP, 1 / RHO);
        double bottom = Math.pow(SIGMA_MIN, 1 / RHO);
        for (int i = 0; i < STEPS; i++) {
            grid[i] = Math.pow(top + (double) i / (STEPS - 1) * (bottom - top), RHO);
        }
        grid[STEPS] = 0;
        return grid;
    }

    static double medianNearestNeighbour(double[] points, int n, int d) {
        double[] nearest = new double[n];
        for (int i = 0; i < n; i++) {
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    best = Math.min(best, distanceSq(points, i, points, j, d));
                }
            }
            nearest[i] = Math.sqrt(best);
        }
        Arrays.sort(nearest);
        return n % 2 == 1 ? nearest[n / 2] : 0.5 * (nearest[n / 2 - 1] + nearest[n / 2]);
    }

    private static int nearest(double[] x, int i, double[] training, int n, int d) {
        int best = -1;
        double bestSq = Double.POSITIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            double sq = distanceSq(x, i, training, j, d);
            if (sq < bestSq) {
                bestSq = sq;
                best = j;
            }
        }
        return best;
    }

    private static double distanceSq(double[] a, int i, double[] b, int j, int d) {
        double sq = 0;
        for (int k = 0; k < d; k++) {
            double diff = a[i * d + k] - b[j * d + k];
            sq += diff * diff;
        }
        return sq;
    }
}
