package io.diffusim.model.denoise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.diffusim.model.data.Dataset;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class PatchEmpiricalDenoiserTest {

    /** Same arithmetic on the same numbers (brief: 1e-12). */
    private static final double EXACT_TOL = 1e-12;
    /** ND4J batched path vs a plain-Java triple loop of the same formula. */
    private static final double REFERENCE_TOL = 1e-10;
    /** Central differences with h = 1e-4. */
    private static final double FD_STEP = 1e-4;
    private static final double FD_TOL = 1e-6;
    /** docs/science.md §1.3 prints the EDM grid to 5 significant digits. */
    private static final double GRID_TOL = 5e-4;

    @Test
    void shouldReduceToTheEmpiricalDenoiserWhenThePatchIsTheWholeImage() {
        Dataset data = DenoiserFixtures.randomImages(new SplittableRandom(1), 40, 2, 6, 6);
        SplittableRandom random = new SplittableRandom(2);
        INDArray x = DenoiserFixtures.gaussian(random, 8, 72, 1);
        INDArray t = DenoiserFixtures.times(random, 8, 0.2, 2);

        INDArray patch = DenoiserFixtures.withDivergence(new PatchEmpiricalDenoiser(DenoiserFixtures.ve(), data,
                PatchSizeSchedule.fixed(6), 1, 16).evaluate(new EvalRequest(x, t, null)));
        INDArray whole = DenoiserFixtures.withDivergence(new EmpiricalDenoiser(DenoiserFixtures.ve(), data.points(), null, null, 0.1, 16)
                .evaluate(new EvalRequest(x, t, null)));

        assertThat(DenoiserFixtures.maxAbsDiff(whole, patch)).isLessThan(EXACT_TOL);
    }

    @Test
    void shouldAverageCropPosteriorsOverCoveringSquaresLikeADirectLoop() {
        int channels = 2;
        int height = 5;
        int width = 4;
        int size = 2;
        int stride = 2;
        Dataset data = DenoiserFixtures.randomImages(new SplittableRandom(3), 30, channels, height, width);
        SplittableRandom random = new SplittableRandom(4);
        INDArray x = DenoiserFixtures.gaussian(random, 3, channels * height * width, 1);
        double a = 0.8;
        double b = 0.6;

        INDArray actual = new PatchEmpiricalDenoiser(DenoiserFixtures.constant(a, b), data, PatchSizeSchedule.fixed(size), stride, 7)
                .evaluate(new EvalRequest(x, DenoiserFixtures.column(1, 1, 1), null)).x0();

        // corners at 0, 2 plus the last position (height - P = 3) so every pixel is covered
        double[][] expected = directComposite(data.points().toDoubleMatrix(), x.toDoubleMatrix(), new int[] {channels, height, width},
                size, new int[] {0, 2, 3}, new int[] {0, 2}, a, b);
        for (int i = 0; i < 3; i++) {
            assertThat(actual.getRow(i).toDoubleVector()).containsExactly(expected[i], within(REFERENCE_TOL));
        }
    }

    @Test
    void shouldMatchCentralDifferenceDivergenceOfTheComposite() {
        Dataset data = DenoiserFixtures.randomImages(new SplittableRandom(7), 15, 1, 4, 4);
        PatchEmpiricalDenoiser denoiser = new PatchEmpiricalDenoiser(DenoiserFixtures.vp(), data, PatchSizeSchedule.fixed(3), 1, 0);
        SplittableRandom random = new SplittableRandom(8);
        INDArray x = DenoiserFixtures.gaussian(random, 3, 16, 0.7);
        INDArray t = DenoiserFixtures.column(0.5, 0.5, 0.5);

        double[] analytic = denoiser.evaluate(new EvalRequest(x, t, null)).divergence().toDoubleVector();

        assertThat(analytic).containsExactly(DenoiserFixtures.centralDifferenceDivergence(denoiser, x, t, FD_STEP), within(FD_TOL));
    }

    @Test
    void shouldGiveEachRowTheSameAnswerAloneAsInAMixedTimeBatchOf64() {
        Dataset data = DenoiserFixtures.randomImages(new SplittableRandom(5), 20, 1, 6, 6);
        PatchSizeSchedule schedule = PatchSizeSchedule.table(new double[] {10, 5, 3, 1.5}, new int[] {6, 4, 3, 2}, 6);
        PatchEmpiricalDenoiser denoiser = new PatchEmpiricalDenoiser(DenoiserFixtures.ve(), data, schedule, 1, 0);
        SplittableRandom random = new SplittableRandom(6);
        INDArray x = DenoiserFixtures.gaussian(random, 64, 36, 1);
        // sigma from 1.5 to 10 spans patch sizes 2, 3, 4 and 6 (whole image) of the table
        INDArray t = DenoiserFixtures.times(random, 64, 1.5, 10);

        INDArray batched = DenoiserFixtures.withDivergence(denoiser.evaluate(new EvalRequest(x, t, null)));

        assertThat(DenoiserFixtures.maxAbsDiff(DenoiserFixtures.rowByRow(denoiser, x, t), batched)).isLessThan(EXACT_TOL);
    }

    @Test
    void shouldFollowThePspcCifarScheduleOnTheEdmGrid() {
        PatchSizeSchedule cifar = PatchSizeSchedule.pspc(32);

        assertThat(PatchSizeSchedule.edmGrid()).containsExactly(new double[] {80, 57.586, 40.786, 28.375, 19.352, 12.910,
                8.4009, 5.3152, 3.2568, 1.9233, 1.0882, 0.58535, 0.29644, 0.13952, 0.059947, 0.022935, 0.0075280, 0.002},
                within(GRID_TOL));
        assertThat(cifar.sizes()).containsExactly(32, 32, 32, 32, 32, 32, 32, 23, 15, 11, 7, 5, 3, 3, 3, 3, 3, 3);
        assertThat(new int[] {cifar.patchSize(100), cifar.patchSize(5.0), cifar.patchSize(1.0), cifar.patchSize(0)})
                .containsExactly(32, 23, 7, 3);
        // 16x16 images: 32 (the whole CIFAR image) is the whole image, the other sizes in pixels clamped to 16
        assertThat(PatchSizeSchedule.pspc(16).sizes()).containsExactly(16, 16, 16, 16, 16, 16, 16, 16, 15, 11, 7, 5, 3, 3, 3, 3, 3, 3);
        // 64x64: the whole image stays the whole image, local sizes stay in pixels
        assertThat(PatchSizeSchedule.pspc(64).sizes()).startsWith(64, 64, 64, 64, 64, 64, 64, 23);
    }

    @Test
    void shouldGiveP23AtSigma5Point3152On28x28Images() {
        // the known fact: the eighth EDM grid value 5.3152 is the table's 23, which fits in 28
        PatchSizeSchedule fashion = PatchSizeSchedule.pspc(28);

        assertThat(fashion.patchSize(5.3152)).isEqualTo(23);
        assertThat(fashion.sizes()).containsExactly(28, 28, 28, 28, 28, 28, 28, 23, 15, 11, 7, 5, 3, 3, 3, 3, 3, 3);
        // halfway (in sigma) between grid values 8.4009 and 5.3152 the nearer one decides
        assertThat(new int[] {fashion.patchSize(6.8), fashion.patchSize(6.9)}).containsExactly(23, 28);
    }

    @Test
    void shouldLookUpAUsersTableByNearestSigma() {
        PatchSizeSchedule table = PatchSizeSchedule.table(new double[] {10, 1, 0.1}, new int[] {8, 4, 2}, 8);

        assertThat(new int[] {table.patchSize(100), table.patchSize(5.6), table.patchSize(5.4), table.patchSize(0.6),
                table.patchSize(0.5), table.patchSize(0)}).containsExactly(8, 8, 4, 4, 2, 2);
        assertThatThrownBy(() -> PatchSizeSchedule.table(new double[] {1}, new int[] {9}, 8))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside 1..8");
    }


    /** docs/science.md §3.6 written out: per square, softmax over every image's same crop, then per-pixel average. */
    private static double[][] directComposite(double[][] points, double[][] x, int[] shape, int size, int[] us, int[] vs,
                                              double a, double b) {
        int channels = shape[0];
        int height = shape[1];
        int width = shape[2];
        double[][] out = new double[x.length][channels * height * width];
        double[] covering = new double[height * width];
        for (int u : us) {
            for (int v : vs) {
                for (int i = u; i < u + size; i++) {
                    for (int j = v; j < v + size; j++) {
                        covering[i * width + j]++;
                    }
                }
                for (int row = 0; row < x.length; row++) {
                    double[] logits = new double[points.length];
                    double max = Double.NEGATIVE_INFINITY;
                    for (int p = 0; p < points.length; p++) {
                        double distance = 0;
                        for (int c = 0; c < channels; c++) {
                            for (int i = u; i < u + size; i++) {
                                for (int j = v; j < v + size; j++) {
                                    int k = (c * height + i) * width + j;
                                    distance += Math.pow(x[row][k] - a * points[p][k], 2);
                                }
                            }
                        }
                        logits[p] = -distance / (2 * b * b);
                        max = Math.max(max, logits[p]);
                    }
                    double norm = 0;
                    for (int p = 0; p < points.length; p++) {
                        norm += Math.exp(logits[p] - max);
                    }
                    for (int p = 0; p < points.length; p++) {
                        double w = Math.exp(logits[p] - max) / norm;
                        for (int c = 0; c < channels; c++) {
                            for (int i = u; i < u + size; i++) {
                                for (int j = v; j < v + size; j++) {
                                    int k = (c * height + i) * width + j;
                                    out[row][k] += w * points[p][k];
                                }
                            }
                        }
                    }
                }
            }
        }
        for (double[] row : out) {
            for (int k = 0; k < row.length; k++) {
                row[k] /= covering[k % (height * width)];
            }
        }
        return out;
    }
}
