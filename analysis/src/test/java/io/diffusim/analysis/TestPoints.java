package io.diffusim.analysis;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Seeded point sets and a brute-force neighbour oracle for the analysis tests (test code only). */
public final class TestPoints {

    private TestPoints() {
    }

    /** {@code n} draws of N(shift, I_d). */
    public static double[][] gaussian(int n, int d, double[] shift, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] points = new double[n][d];
        for (double[] p : points) {
            for (int j = 0; j < d; j++) {
                p[j] = random.nextGaussian() + (shift == null ? 0.0 : shift[j]);
            }
        }
        return points;
    }

    /** {@code n} points with integer coordinates in {@code [0, range)}, so ties and duplicates are common. */
    public static double[][] grid(int n, int d, int range, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] points = new double[n][d];
        for (double[] p : points) {
            for (int j = 0; j < d; j++) {
                p[j] = random.nextInt(range);
            }
        }
        return points;
    }

    /** Ascending Chebyshev or Euclidean distances from {@code q} to every reference point, first {@code k}. */
    public static double[] bruteForce(double[][] reference, double[] q, int k, boolean chebyshev) {
        double[] all = new double[reference.length];
        for (int i = 0; i < reference.length; i++) {
            double acc = 0.0;
            for (int j = 0; j < q.length; j++) {
                double diff = Math.abs(reference[i][j] - q[j]);
                acc = chebyshev ? Math.max(acc, diff) : acc + diff * diff;
            }
            all[i] = chebyshev ? acc : Math.sqrt(acc);
        }
        Arrays.sort(all);
        return Arrays.copyOf(all, k);
    }
}
