package io.diffusim.model.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** K21 (docs/science.md §8): the circle set is 17 clusters with the documented masses and radii. */
class CircleTest {

    private static final int N = 100_000;
    private static final long SEED = 42;
    /** Cluster masses are checked to 5 binomial standard deviations sqrt(p(1-p)/N) (deterministic seed). */
    private static final double BINOMIAL_SIGMAS = 5;
    /** Slack on the jitter bound 0.09 for floating-point round-off. */
    private static final double GEOMETRY_TOL = 1e-9;

    private static double[] xy;
    private static double[][] centres;
    private static double[] masses;

    @BeforeAll
    static void generate() {
        xy = Circle.generate(N, SEED).points().data().asDouble();
        // the 16 directions of the grid {-0.4..0.4}^2 \ {0}, with mass (grid points on that ray) / 25, plus the origin
        List<double[]> c = new ArrayList<>();
        List<Double> m = new ArrayList<>();
        c.add(new double[] {0, 0});
        m.add(1.0 / 25);
        for (int k = 0; k < 8; k++) {
            double angle = k * Math.PI / 4;
            c.add(new double[] {3 * Math.cos(angle), 3 * Math.sin(angle)});
            m.add(2.0 / 25);
            for (double tilt : new double[] {Math.atan(0.5), -Math.atan(0.5)}) {
                if (k % 2 == 0) {
                    c.add(new double[] {3 * Math.cos(angle + tilt), 3 * Math.sin(angle + tilt)});
                    m.add(1.0 / 25);
                }
            }
        }
        centres = c.toArray(new double[0][]);
        masses = m.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void shouldPutEveryPointWithinJitterOfTheCircleOrTheOrigin() {
        for (int i = 0; i < N; i++) {
            double r = Math.hypot(xy[2 * i], xy[2 * i + 1]);
            assertThat(Math.abs(r - Circle.RADIUS) <= Circle.MAX_JITTER + GEOMETRY_TOL
                    || r <= Circle.MAX_JITTER + GEOMETRY_TOL).as("radius %s of point %s", r, i).isTrue();
        }
    }

    @Test
    void shouldFormSeventeenClustersWithTheDocumentedMasses() {
        assertThat(centres.length).isEqualTo(17);
        assertThat(masses).containsOnly(1.0 / 25, 2.0 / 25);
        int[] counts = new int[centres.length];
        for (int i = 0; i < N; i++) {
            int nearest = 0;
            for (int c = 1; c < centres.length; c++) {
                nearest = distance(i, c) < distance(i, nearest) ? c : nearest;
            }
            assertThat(distance(i, nearest)).as("point %s", i).isLessThanOrEqualTo(Circle.MAX_JITTER + GEOMETRY_TOL);
            counts[nearest]++;
        }
        for (int c = 0; c < centres.length; c++) {
            double p = masses[c];
            double tolerance = BINOMIAL_SIGMAS * Math.sqrt(p * (1 - p) / N);
            assertThat(counts[c] / (double) N).as("mass of cluster %s", c).isCloseTo(p,
                    offset(tolerance));
        }
    }

    @Test
    void shouldPutOneTwentyFifthOfTheMassAtTheOrigin() {
        int atOrigin = 0;
        for (int i = 0; i < N; i++) {
            atOrigin += Math.hypot(xy[2 * i], xy[2 * i + 1]) <= Circle.MAX_JITTER + GEOMETRY_TOL ? 1 : 0;
        }
        double p = 1.0 / 25;
        // 5 sigma = 0.0031, so the NumPy seed-42 value 0.03938 quoted in docs/science.md K21 is also inside
        assertThat(atOrigin / (double) N).isCloseTo(p,
                offset(BINOMIAL_SIGMAS * Math.sqrt(p * (1 - p) / N)));
    }

    private static double distance(int i, int c) {
        return Math.hypot(xy[2 * i] - centres[c][0], xy[2 * i + 1] - centres[c][1]);
    }
}
