package io.diffusim.model.data;

import java.util.SplittableRandom;

/** The "line" set: uniform on {@code [-2, 2] x [-4, 4]}, all x drawn before all y (docs/science.md §7.1). */
public final class Line {

    private static final double SCALE = 4;

    private Line() {
    }

    /** n points from the seed. */
    public static Dataset generate(int n, long seed) {
        Points.requireCount(n);
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = Points.uniform(random, n, -0.5, 0.5);
        double[] y = Points.uniform(random, n, -1, 1);
        double[] xy = Points.interleave(x, y);
        for (int i = 0; i < xy.length; i++) {
            xy[i] *= SCALE;
        }
        return new Dataset("line", Points.matrix(xy, n, 2), null, null);
    }
}
