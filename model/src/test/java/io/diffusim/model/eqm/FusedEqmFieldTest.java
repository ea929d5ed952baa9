package io.diffusim.model.eqm;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffusim.model.data.Dataset;
import io.diffusim.model.data.Moons;
import io.diffusim.model.host.HostPool;
import io.diffusim.model.posterior.PointSetLikelihood;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The fused host kernel of the optimal EqM field (docs/science.md §3.5) against the ND4J quadrature
 * ({@link EqmOptimalField}, itself checked against the direct double sum in {@link EqmOptimalFieldTest}) and K16.
 */
class FusedEqmFieldTest {

    /** Two float64 evaluations of the same double sum in different orders. */
    private static final double BACKEND_REL_TOL = 1e-12;
    private static final int K16_GRID = 200_000;
    private static final double K16_FIELD_TOL = 1e-5;

    @Test
    void shouldAgreeWithTheNd4jQuadratureOnABatchOfNoisyPoints() {
        SplittableRandom random = new SplittableRandom(16);
        double[][] data = new double[1800][2];
        for (double[] x : data) {
            x[0] = random.nextGaussian();
            x[1] = 0.5 * random.nextGaussian();
        }
        double[][] y = new double[590][2];
        for (int r = 0; r < y.length; r++) {
            double gamma = random.nextDouble();
            y[r][0] = gamma * data[r][0] + (1 - gamma) * random.nextGaussian();
            y[r][1] = gamma * data[r][1] + (1 - gamma) * random.nextGaussian();
        }
        assertAgreement(Nd4j.createFromArray(data), Nd4j.createFromArray(y), new MagnitudeFunction.Truncated(0.8, 4), 16);
    }

    @Test
    void shouldAgreeWithTheNd4jQuadratureOnTheEqmExampleGrid() {
        INDArray moons = Moons.generate(1000, 0).points();
        INDArray y = Nd4j.rand(DataType.DOUBLE, 64, 2).subi(0.5).muli(4);
        for (MagnitudeFunction c : new MagnitudeFunction[] {new MagnitudeFunction.Truncated(0.8, 4),
                new MagnitudeFunction.Piecewise(0.8, 1.4, 4), new MagnitudeFunction.Linear(4),
                new MagnitudeFunction.Constant(1)}) {
            assertAgreement(moons, y, c, 64);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 16, 256})
    void shouldVanishAtDataPointsForTruncatedMagnitude(int dimension) {
        INDArray points = Nd4j.vstack(Nd4j.ones(DataType.DOUBLE, 1, dimension).muli(0.5),
                Nd4j.ones(DataType.DOUBLE, 1, dimension).muli(-0.5));
        FusedEqmField field = new FusedEqmField(points, new MagnitudeFunction.Truncated(0.8, 1), K16_GRID, HostPool.of(1));
        assertThat(field.field(points.getRow(0, true)).norm2Number().doubleValue()).isLessThan(K16_FIELD_TOL);
    }

    @Test
    void shouldGiveEachParticleTheSameBitsOnOneThreadAsOnTwoAndAlone() {
        INDArray moons = Moons.generate(300, 1).points();
        INDArray y = Nd4j.rand(DataType.DOUBLE, 40, 2).subi(0.5).muli(3);
        MagnitudeFunction c = new MagnitudeFunction.Truncated(0.8, 4);
        double[] one = new FusedEqmField(moons, c, 64, HostPool.of(1)).field(y).data().asDouble();
        double[] two = new FusedEqmField(moons, c, 64, HostPool.of(2)).field(y).data().asDouble();
        double[] last = new FusedEqmField(moons, c, 64, HostPool.of(2)).field(y.getRow(39, true)).data().asDouble();

        assertThat(two).isEqualTo(one);
        assertThat(last).containsExactly(one[78], one[79]);
    }

    /**
     * Row by row, |f_host - f_nd4j| <= tol (|f| + k_max |y|): f = (K y - M) / T is a difference of terms of size
     * k |y|, whose relative rounding both backends carry (their logits differ by rounding of (a/b^2) y.x_j, up to
     * 10^4 at the grid's last node), so a field much smaller than its terms agrees to tol of the terms only.
     */
    private static void assertAgreement(INDArray points, INDArray y, MagnitudeFunction c, int grid) {
        double[][] nd4j = new EqmOptimalField(PointSetLikelihood.uniform(points), c, grid).field(y).toDoubleMatrix();
        double[][] host = FusedEqmField.of(new Dataset("points", points, null, null), c, grid).field(y).toDoubleMatrix();
        double[][] rows = y.toDoubleMatrix();
        double kMax = 0;
        for (int g = 0; g < grid; g++) {
            kMax = Math.max(kMax, c.k((g + 0.5) / grid));
        }
        for (int r = 0; r < nd4j.length; r++) {
            double scale = Math.hypot(nd4j[r][0], nd4j[r][1]) + kMax * Math.hypot(rows[r][0], rows[r][1]);
            double error = Math.hypot(host[r][0] - nd4j[r][0], host[r][1] - nd4j[r][1]);
            assertThat(error).as("row %d of %s (|f| = %s)", r, c, scale).isLessThanOrEqualTo(BACKEND_REL_TOL * scale);
        }
    }
}
