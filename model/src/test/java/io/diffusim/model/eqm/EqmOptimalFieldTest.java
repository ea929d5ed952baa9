package io.diffusim.model.eqm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.diffusim.model.data.Dataset;
import io.diffusim.model.denoise.EvalRequest;
import io.diffusim.model.denoise.Prediction;
import io.diffusim.model.posterior.PointSetLikelihood;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** K16 and the §3.5 optimal-field formula (docs/science.md §8, §3.5). */
class EqmOptimalFieldTest {

    private static final int K16_GRID = 200_000;
    private static final double K16_FIELD_TOL = 1e-5;
    private static final double K_TOL = 1e-12;
    private static final double FIELD_REL_TOL = 1e-9;
    private static final int BATCH_ROWS = 590;
    private static final int BATCH_POINTS = 1800;
    private static final int BATCH_GRID = 16;

    @ParameterizedTest
    @ValueSource(ints = {2, 16, 256})
    void shouldVanishAtDataPointsForTruncatedMagnitude(int dimension) {
        INDArray points = Nd4j.vstack(Nd4j.ones(org.nd4j.linalg.api.buffer.DataType.DOUBLE, 1, dimension).muli(0.5),
                Nd4j.ones(org.nd4j.linalg.api.buffer.DataType.DOUBLE, 1, dimension).muli(-0.5));
        EqmOptimalField field = new EqmOptimalField(PointSetLikelihood.uniform(points),
                new MagnitudeFunction.Truncated(0.8, 1), K16_GRID);
        Prediction prediction = field.evaluate(new EvalRequest(points.getRow(0, true), null, null));
        assertThat(prediction.field().norm2Number().doubleValue()).isLessThan(K16_FIELD_TOL);
        assertThat(field.process()).isNull();
    }

    @Test
    void shouldHaveBoundedFactorAboveTheKnee() {
        MagnitudeFunction truncated = new MagnitudeFunction.Truncated(0.8, 1);
        for (double gamma : new double[] {0.8, 0.9, 0.999, 1 - 1e-9}) {
            assertThat(truncated.k(gamma)).isCloseTo(5.0, within(K_TOL));
        }
        assertThat(new MagnitudeFunction.Piecewise(0.8, 1.4, 1).c(0.8)).isCloseTo(1.0, within(K_TOL));
        assertThat(new MagnitudeFunction.Linear(4).k(0.3)).isCloseTo(4.0, within(K_TOL));
    }

    /**
     * 590 rows against 1800 points: the first 582 rows (the memory budget) run one gamma node at a time on reused
     * [rows, n] arrays, the last 8 all nodes in one block, and both must give the §3.5 double sum.
     */
    @Test
    void shouldMatchDirectDoubleSumForABatchAcrossBothBlockShapes() {
        SplittableRandom random = new SplittableRandom(16);
        double[][] data = new double[BATCH_POINTS][2];
        double[][] y = new double[BATCH_ROWS][2];
        for (double[] x : data) {
            x[0] = random.nextGaussian();
            x[1] = 0.5 * random.nextGaussian();
        }
        for (int r = 0; r < BATCH_ROWS; r++) {
            double gamma = random.nextDouble();
            y[r][0] = gamma * data[r][0] + (1 - gamma) * random.nextGaussian();
            y[r][1] = gamma * data[r][1] + (1 - gamma) * random.nextGaussian();
        }
        MagnitudeFunction magnitude = new MagnitudeFunction.Truncated(0.8, 4);
        EqmOptimalField field = EqmOptimalField.of(new Dataset("points", Nd4j.createFromArray(data), null, null),
                magnitude, BATCH_GRID);
        double[][] actual = field.field(Nd4j.createFromArray(y)).toDoubleMatrix();
        double worst = 0;
        for (int r = 0; r < BATCH_ROWS; r++) {
            double[] expected = directField(data, y[r], magnitude, BATCH_GRID);
            double scale = Math.hypot(expected[0], expected[1]);
            worst = Math.max(worst, Math.hypot(actual[r][0] - expected[0], actual[r][1] - expected[1]) / scale);
        }
        assertThat(worst).isLessThan(FIELD_REL_TOL);
    }

    @Test
    void shouldMatchDirectDoubleSumOverGridAndPoints() {
        double[][] data = {{1.0, 0.2}, {-0.7, 0.4}, {0.1, -1.1}};
        double[] y = {0.3, -0.2};
        int grid = 64;
        MagnitudeFunction magnitude = new MagnitudeFunction.Piecewise(0.8, 1.4, 4);
        INDArray field = new EqmOptimalField(PointSetLikelihood.uniform(Nd4j.createFromArray(data)), magnitude, grid)
                .field(Nd4j.createFromArray(y).reshape(1, 2));
        double[] expected = directField(data, y, magnitude, grid);
        for (int i = 0; i < 2; i++) {
            assertThat(field.getDouble(0, i)).isCloseTo(expected[i], within(FIELD_REL_TOL * Math.abs(expected[i])));
        }
    }

    /**
     * f*(y) = sum_{g,j} w_{g,j} k(gamma_g)(y - x_j) for 2-D data, w = softmax of
     * ln pi_j - D ln(1-gamma) - ||y - gamma x_j||^2/(2(1-gamma)^2) with direct distances.
     */
    private static double[] directField(double[][] data, double[] y, MagnitudeFunction magnitude, int grid) {
        double[][] logits = new double[grid][data.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int g = 0; g < grid; g++) {
            double gamma = (g + 0.5) / grid;
            for (int j = 0; j < data.length; j++) {
                double dx = y[0] - gamma * data[j][0];
                double dy = y[1] - gamma * data[j][1];
                logits[g][j] = Math.log(1.0 / data.length) - 2 * Math.log(1 - gamma)
                        - (dx * dx + dy * dy) / (2 * (1 - gamma) * (1 - gamma));
                max = Math.max(max, logits[g][j]);
            }
        }
        double total = 0;
        double[] sum = new double[2];
        for (int g = 0; g < grid; g++) {
            double k = magnitude.k((g + 0.5) / grid);
            for (int j = 0; j < data.length; j++) {
                double w = Math.exp(logits[g][j] - max);
                total += w;
                sum[0] += w * k * (y[0] - data[j][0]);
                sum[1] += w * k * (y[1] - data[j][1]);
            }
        }
        return new double[] {sum[0] / total, sum[1] / total};
    }
}
