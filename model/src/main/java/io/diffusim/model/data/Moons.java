package io.diffusim.model.data;

import java.util.SplittableRandom;

/**
 * scikit-learn's {@code make_moons(n, noise=0.03)} mapped by {@code x <- 2(x + 0.3) - 1}, {@code y <- 3(y + 0.3) - 1}
 * (docs/science.md §7.1); labels are 0 for the outer arc and 1 for the inner arc.
 */
public final class Moons {

    private static final double NOISE_STD = 0.03;

    private Moons() {
    }

    /** n points from the seed; draw order as scikit-learn: the row shuffle, then the noise row by row. */
    public static Dataset generate(int n, long seed) {
        Points.requireCount(n);
        int nOut = n / 2;
        int nIn = n - nOut;
        double[] xy = new double[2 * n];
        int[] labels = new int[n];
        for (int i = 0; i < nOut; i++) {
            double theta = linspace(i, nOut);
            xy[2 * i] = Math.cos(theta);
            xy[2 * i + 1] = Math.sin(theta);
        }
        for (int i = 0; i < nIn; i++) {
            double theta = linspace(i, nIn);
            xy[2 * (nOut + i)] = 1 - Math.cos(theta);
            xy[2 * (nOut + i) + 1] = 1 - Math.sin(theta) - 0.5;
            labels[nOut + i] = 1;
        }
        SplittableRandom random = new SplittableRandom(seed);
        shuffleRows(xy, labels, random);
        for (int i = 0; i < n; i++) {
            xy[2 * i] = (xy[2 * i] + NOISE_STD * random.nextGaussian() + 0.3) * 2 - 1;
            xy[2 * i + 1] = (xy[2 * i + 1] + NOISE_STD * random.nextGaussian() + 0.3) * 3 - 1;
        }
        return new Dataset("moons", Points.matrix(xy, n, 2), labels, null);
    }

    /** The i-th of m points of {@code linspace(0, pi, m)} (a single point is 0, as in NumPy). */
    private static double linspace(int i, int m) {
        return m == 1 ? 0 : Math.PI * i / (m - 1);
    }

    /** Fisher-Yates shuffle of the rows of a row-major [n, 2] buffer and its labels. */
    private static void shuffleRows(double[] xy, int[] labels, SplittableRandom random) {
        for (int i = labels.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            double x = xy[2 * i];
            double y = xy[2 * i + 1];
            xy[2 * i] = xy[2 * j];
            xy[2 * i + 1] = xy[2 * j + 1];
            xy[2 * j] = x;
            xy[2 * j + 1] = y;
            int label = labels[i];
            labels[i] = labels[j];
            labels[j] = label;
        }
    }
}
