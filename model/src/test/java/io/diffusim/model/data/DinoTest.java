package io.diffusim.model.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;

/** The dino set of docs/science.md §7.1 and Appendix A. */
class DinoTest {

    private static final int N = 50_000;
    private static final long SEED = 42;
    private static final double TABLE_TOL = 1e-12;
    /** Jitter std in mapped units is 0.15 * 4/54 = 0.0111 (x) and 0.15 * 4/48 = 0.0125 (y); 6 std. */
    private static final double JITTER_X_TOL = 6 * 0.15 * 4 / 54;
    private static final double JITTER_Y_TOL = 6 * 0.15 * 4 / 48;
    /** Mean over N draws: std about 1.3/sqrt(N) = 0.006 per axis; 5 std. */
    private static final double MEAN_TOL = 0.03;

    @Test
    void shouldReadTheBundled142RowTable() {
        double[] table = Dino.points().points().data().asDouble();
        assertThat(table).hasSize(2 * Dino.ROWS);
        assertThat(table[0]).isCloseTo(55.3846, offset(TABLE_TOL));
        assertThat(table[1]).isCloseTo(97.1795, offset(TABLE_TOL));
        assertThat(table[2 * Dino.ROWS - 2]).isCloseTo(44.1026, offset(TABLE_TOL));
        assertThat(table[2 * Dino.ROWS - 1]).isCloseTo(92.6923, offset(TABLE_TOL));
    }

    @Test
    void shouldPutEveryPointWithinJitterOfAMappedTablePointAndMatchTheTableMean() {
        double[] table = Dino.points().points().data().asDouble();
        double[] mapped = new double[table.length];
        double[] tableMean = new double[2];
        for (int j = 0; j < Dino.ROWS; j++) {
            mapped[2 * j] = (table[2 * j] / 54 - 1) * 4;
            mapped[2 * j + 1] = (table[2 * j + 1] / 48 - 1) * 4;
            tableMean[0] += mapped[2 * j] / Dino.ROWS;
            tableMean[1] += mapped[2 * j + 1] / Dino.ROWS;
        }
        Dataset dino = Dino.generate(N, SEED);
        assertThat(dino.size()).isEqualTo(N);
        double[] xy = dino.points().data().asDouble();
        double[] mean = new double[2];
        for (int i = 0; i < N; i++) {
            boolean near = false;
            for (int j = 0; j < Dino.ROWS && !near; j++) {
                near = Math.abs(xy[2 * i] - mapped[2 * j]) <= JITTER_X_TOL
                        && Math.abs(xy[2 * i + 1] - mapped[2 * j + 1]) <= JITTER_Y_TOL;
            }
            assertThat(near).as("point %s", i).isTrue();
            mean[0] += xy[2 * i] / N;
            mean[1] += xy[2 * i + 1] / N;
        }
        assertThat(mean[0]).isCloseTo(tableMean[0], offset(MEAN_TOL));
        assertThat(mean[1]).isCloseTo(tableMean[1], offset(MEAN_TOL));
    }
}
