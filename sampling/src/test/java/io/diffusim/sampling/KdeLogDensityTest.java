package io.diffusim.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.diffusim.sampling.guidance.KdeLogDensity;
import io.diffusim.sampling.noise.CounterNoise;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class KdeLogDensityTest {

    private static final double REL_TOL = 1e-6;
    /** Central-difference step of docs/science.md §7.4 and the accuracy it buys on a smooth KDE. */
    private static final double FD_STEP = 1e-4;
    private static final double FD_TOL = 1e-6;
    private static final double STREAMING_TOL = 1e-9;
    /** K3: two-point data {-1, +1}, VP a = 0.8, b = 0.6, x_t = 0.3 gives E[x0 | x_t] = tanh(a x / b^2). */
    private static final double K3_POSTERIOR_MEAN = 0.582783;

    @Test
    void shouldGiveTheExactEmpiricalScoreWithZeroBandwidth() {
        INDArray data = Nd4j.create(new double[] {-1, 1}, new long[] {2, 1}, DataType.DOUBLE);
        KdeLogDensity kde = new KdeLogDensity(data, KdeLogDensity.DEFAULT_SUBSAMPLE, 0, 1);
        double a = 0.8;
        double b = 0.6;
        double x = 0.3;
        double gradient = kde.gradient(Nd4j.create(new double[] {x}, new long[] {1, 1}, DataType.DOUBLE), 0, a, b).getDouble(0, 0);
        // Tweedie: E[x0 | x] = (x + b^2 s) / a
        assertThat((x + b * b * gradient) / a).isCloseTo(K3_POSTERIOR_MEAN, within(REL_TOL));
    }

    @Test
    void shouldMatchCentralDifferencesOfTheLogDensity() {
        KdeLogDensity kde = new KdeLogDensity(trainingPoints(300), KdeLogDensity.DEFAULT_SUBSAMPLE, KdeLogDensity.DEFAULT_BANDWIDTH, 5);
        INDArray x = new CounterNoise(21).gaussian(TestModels.ids(0, 8), 2, 0, 0);
        double a = 0.9;
        double b = Math.sqrt(1 - a * a);
        double[][] gradient = kde.gradient(x, 0, a, b).toDoubleMatrix();
        for (int c = 0; c < 2; c++) {
            INDArray step = Nd4j.zeros(DataType.DOUBLE, 8, 2);
            step.putScalar(new long[] {0, c}, FD_STEP);
            INDArray shift = step.getRow(0, true).broadcast(8, 2);
            double[] up = kde.logDensity(x.add(shift), 0, a, b).dup('c').data().asDouble();
            double[] down = kde.logDensity(x.sub(shift), 0, a, b).dup('c').data().asDouble();
            for (int r = 0; r < 8; r++) {
                double difference = (up[r] - down[r]) / (2 * FD_STEP);
                assertThat(gradient[r][c]).isCloseTo(difference, within(FD_TOL * (1 + Math.abs(difference))));
            }
        }
    }

    @Test
    void shouldGiveTheSameGradientWhenStreamingOverSeveralChunks() {
        KdeLogDensity kde = new KdeLogDensity(trainingPoints(3000), KdeLogDensity.DEFAULT_SUBSAMPLE, KdeLogDensity.DEFAULT_BANDWIDTH, 5);
        assertThat(kde.points().rows()).isEqualTo(KdeLogDensity.DEFAULT_SUBSAMPLE);
        // A 4000-row batch is split into two chunks of points; a single row is one chunk.
        INDArray x = new CounterNoise(22).gaussian(TestModels.ids(0, 4000), 2, 0, 0).muli(2);
        double[][] together = kde.gradient(x, 0, 0.7, 0.5).toDoubleMatrix();
        for (int r = 0; r < 4000; r += 397) {
            double[] alone = kde.gradient(x.getRow(r, true), 0, 0.7, 0.5).toDoubleMatrix()[0];
            for (int c = 0; c < 2; c++) {
                assertThat(alone[c]).isCloseTo(together[r][c], within(STREAMING_TOL * (1 + Math.abs(together[r][c]))));
            }
        }
    }

    @Test
    void shouldSubsampleTheSamePointsForTheSameSeed() {
        INDArray data = trainingPoints(3000);
        INDArray first = new KdeLogDensity(data, 100, 0.05, 42).points();
        INDArray second = new KdeLogDensity(data, 100, 0.05, 42).points();
        INDArray other = new KdeLogDensity(data, 100, 0.05, 43).points();
        assertThat(second.dup('c').data().asDouble()).containsExactly(first.dup('c').data().asDouble());
        assertThat(other.dup('c').data().asDouble()).isNotEqualTo(first.dup('c').data().asDouble());
    }

    static INDArray trainingPoints(int n) {
        return new CounterNoise(99).gaussian(TestModels.ids(0, n), 2, 0, 0).muli(0.7).addi(0.5);
    }
}
