package io.diffusim.model.data;

import java.util.SplittableRandom;

/**
 * The "circle" set: grid values in {-0.4..0.4} projected onto the unit circle (the origin stays put), jittered by
 * r ~ U(0, 0.03) at angle U(0, 2 pi) and scaled by 3, i.e. 16 directions plus the origin (docs/science.md §7.1).
 */
public final class Circle {

    /** Radius of the circle after scaling. */
    public static final double RADIUS = 3;
    /** Largest jitter distance from a cluster centre after scaling (0.03 * 3). */
    public static final double MAX_JITTER = 0.09;

    private static final double NORM_EPS = 1e-10;

    private Circle() {
    }

    /** n points from the seed; draw order: all x-uniforms, all y-uniforms, all angles, all radii. */
    public static Dataset generate(int n, long seed) {
        Points.requireCount(n);
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = Points.uniform(random, n, -0.5, 0.5);
        double[] y = Points.uniform(random, n, -0.5, 0.5);
        double[] theta = Points.uniform(random, n, 0, 2 * Math.PI);
        double[] r = Points.uniform(random, n, 0, 0.03);
        double[] xy = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double gx = gridValue(x[i]);
            double gy = gridValue(y[i]);
            double norm = Math.hypot(gx, gy) + NORM_EPS;
            xy[2 * i] = RADIUS * (gx / norm + r[i] * Math.cos(theta[i]));
            xy[2 * i + 1] = RADIUS * (gy / norm + r[i] * Math.sin(theta[i]));
        }
        return new Dataset("circle", Points.matrix(xy, n, 2), null, null);
    }

    /** NumPy's {@code 2 * round(u / 2, 1)} (round half to even, as {@link Math#rint}). */
    private static double gridValue(double u) {
        return 2 * Math.rint(u / 2 * 10) / 10;
    }
}
