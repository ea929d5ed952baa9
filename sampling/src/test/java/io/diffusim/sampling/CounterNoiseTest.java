package io.diffusim.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.diffusim.sampling.noise.CounterNoise;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class CounterNoiseTest {

    private static final int N = 200_000;
    /** Five standard errors of a mean / correlation of N unit-variance draws. */
    private static final double MEAN_TOL = 5 / Math.sqrt(N);
    /** Five standard errors of a variance estimate of N normal draws, sqrt(2/N). */
    private static final double VAR_TOL = 5 * Math.sqrt(2.0 / N);
    /** P(|Z| < 1) for a standard normal. */
    private static final double ONE_SIGMA_MASS = 0.682689;
    private static final double MASS_TOL = 5 * Math.sqrt(ONE_SIGMA_MASS * (1 - ONE_SIGMA_MASS) / N);
    private static final double UNIFORM_VAR = 1.0 / 12;

    private final CounterNoise noise = new CounterNoise(1234);

    @Test
    void shouldDrawStandardNormals() {
        INDArray z = noise.gaussian(TestModels.ids(0, N), 2, 3, 0);
        double[] first = column(z, 0);
        double[] second = column(z, 1);
        double[] moments = TestModels.meanAndStd(first);
        assertThat(moments[0]).isCloseTo(0, within(MEAN_TOL));
        assertThat(moments[1] * moments[1]).isCloseTo(1, within(VAR_TOL));
        assertThat(TestModels.meanAndStd(second)[1] * TestModels.meanAndStd(second)[1]).isCloseTo(1, within(VAR_TOL));
        double inside = 0;
        for (double v : first) {
            inside += Math.abs(v) < 1 ? 1 : 0;
        }
        assertThat(inside / N).isCloseTo(ONE_SIGMA_MASS, within(MASS_TOL));
        assertThat(correlation(first, second)).as("coordinates of one Box-Muller pair").isCloseTo(0, within(MEAN_TOL));
    }

    @Test
    void shouldDecorrelateStepsSubStepsParticlesAndSeeds() {
        long[] ids = TestModels.ids(0, N);
        double[] base = column(noise.gaussian(ids, 1, 5, 0), 0);
        double[] nextStep = column(noise.gaussian(ids, 1, 6, 0), 0);
        double[] nextSubStep = column(noise.gaussian(ids, 1, 5, 1), 0);
        double[] shiftedIds = column(noise.gaussian(TestModels.ids(1, N), 1, 5, 0), 0);
        double[] otherSeed = column(new CounterNoise(1235).gaussian(ids, 1, 5, 0), 0);
        double[] uniform = column(noise.uniform(ids, 1, 5, 0), 0);
        assertThat(correlation(base, nextStep)).isCloseTo(0, within(MEAN_TOL));
        assertThat(correlation(base, nextSubStep)).isCloseTo(0, within(MEAN_TOL));
        assertThat(correlation(base, shiftedIds)).isCloseTo(0, within(MEAN_TOL));
        assertThat(correlation(base, otherSeed)).isCloseTo(0, within(MEAN_TOL));
        assertThat(correlation(base, uniform)).isCloseTo(0, within(MEAN_TOL));
    }

    @Test
    void shouldDrawUniformsOnTheUnitInterval() {
        double[] u = column(noise.uniform(TestModels.ids(0, N), 1, 0, 0), 0);
        double[] moments = TestModels.meanAndStd(u);
        assertThat(moments[0]).isCloseTo(0.5, within(MEAN_TOL * Math.sqrt(UNIFORM_VAR)));
        assertThat(moments[1] * moments[1]).isCloseTo(UNIFORM_VAR, within(VAR_TOL * UNIFORM_VAR));
        assertThat(java.util.Arrays.stream(u).boxed().toList()).allMatch(v -> v >= 0 && v < 1);
    }

    @Test
    void shouldGiveAParticleTheSameRowInAnyBatch() {
        double[][] batch = noise.gaussian(new long[] {3, 77, 1L << 40, -5}, 5, 9, 1).toDoubleMatrix();
        double[] alone = noise.gaussian(new long[] {1L << 40}, 5, 9, 1).toDoubleMatrix()[0];
        assertThat(alone).containsExactly(batch[2]);
        // A coordinate's value does not depend on the dimension either.
        double[] wider = noise.gaussian(new long[] {1L << 40}, 6, 9, 1).toDoubleMatrix()[0];
        assertThat(java.util.Arrays.copyOf(wider, 5)).containsExactly(alone);
        assertThat(new CounterNoise(1234).gaussian(new long[] {77}, 5, 9, 1).toDoubleMatrix()[0]).containsExactly(batch[1]);
    }

    /** Column c of an [n, D] array, read in one bulk copy (per-element getters are slow in ND4J). */
    private static double[] column(INDArray matrix, int c) {
        double[] all = SamplerContract.flat(matrix);
        int width = (int) matrix.columns();
        double[] out = new double[(int) matrix.rows()];
        for (int r = 0; r < out.length; r++) {
            out[r] = all[r * width + c];
        }
        return out;
    }

    private static double correlation(double[] a, double[] b) {
        double[] ma = TestModels.meanAndStd(a);
        double[] mb = TestModels.meanAndStd(b);
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - ma[0]) * (b[i] - mb[0]);
        }
        return sum / ((a.length - 1) * ma[1] * mb[1]);
    }
}
