package io.diffusim.model.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The line set of docs/science.md §7.1: uniform on [-2, 2] x [-4, 4], all x drawn before all y. */
class LineTest {

    private static final int N = 100_000;
    private static final long SEED = 7;
    /** Sample variance of U(-a, a) has std a^2 sqrt(4/45/N); 1.5% is about 5 of them for either axis. */
    private static final double VARIANCE_REL_TOL = 0.015;
    /** Sample mean has std sqrt(a^2/3/N) <= 0.0073; 5 std. */
    private static final double MEAN_TOL = 0.04;
    private static final double EXACT = 1e-12;

    @Test
    void shouldStayInsideTheRectangleWithUniformMoments() {
        Dataset line = Line.generate(N, SEED);
        assertThat(line.size()).isEqualTo(N);
        assertThat(line.labels()).isNull();
        double[] xy = line.points().data().asDouble();
        double[] sum = new double[2];
        double[] sumSq = new double[2];
        for (int i = 0; i < 2 * N; i++) {
            double bound = i % 2 == 0 ? 2 : 4;
            assertThat(Math.abs(xy[i])).isLessThanOrEqualTo(bound);
            sum[i % 2] += xy[i];
            sumSq[i % 2] += xy[i] * xy[i];
        }
        assertThat(sum[0] / N).isCloseTo(0, offset(MEAN_TOL));
        assertThat(sum[1] / N).isCloseTo(0, offset(MEAN_TOL));
        // Var U(-a, a) = a^2 / 3
        assertThat(sumSq[0] / N).isCloseTo(4.0 / 3, offset(VARIANCE_REL_TOL * 4.0 / 3));
        assertThat(sumSq[1] / N).isCloseTo(16.0 / 3, offset(VARIANCE_REL_TOL * 16.0 / 3));
    }

    @Test
    void shouldDrawAllXBeforeAnyY() {
        int n = 5;
        double[] xy = Line.generate(n, SEED).points().data().asDouble();
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < n; i++) {
            assertThat(xy[2 * i]).isCloseTo(4 * (random.nextDouble() - 0.5), offset(EXACT));
        }
        for (int i = 0; i < n; i++) {
            assertThat(xy[2 * i + 1]).isCloseTo(4 * (2 * random.nextDouble() - 1), offset(EXACT));
        }
    }
}
