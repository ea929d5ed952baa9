package io.diffusim.model.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.diffusim.config.Geometry;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.eigen.Eigen;
import org.nd4j.linalg.factory.Nd4j;

/** The synthetic mixtures of docs/science.md §5.2 have the documented means, covariances and weights. */
class GeometriesTest {

    private static final long SEED = 5;
    private static final int DIM = 100;
    private static final double EXACT_TOL = 1e-12;
    /** Eigenvalues recovered by LAPACK from a 100 x 100 matrix built by hand. */
    private static final double EIGEN_TOL = 1e-10;
    /** Variance of 1000 N(0, 4) mean entries: std of the estimate 4 sqrt(2/1000) = 0.18; 5 std. */
    private static final double MEAN_VARIANCE_TOL = 0.9;

    @Test
    void shouldBuildUniformGridWithQuarterIdentityCovariance() {
        GaussianMixture m = Geometries.build(Geometry.UNIFORM_2D, DIM, SEED);
        assertThat(m.components()).isEqualTo(9);
        assertThat(m.dimension()).isEqualTo(2);
        double[] ninths = new double[9];
        Arrays.fill(ninths, 1.0 / 9);
        assertThat(m.weights()).containsExactly(ninths, offset(EXACT_TOL));
        assertThat(m.isotropic()).isTrue();
        assertThat(Arrays.stream(m.means()).flatMapToDouble(Arrays::stream).toArray()).containsOnly(-4, 0, 4);
        assertThat(Arrays.stream(m.means()).map(Arrays::toString).distinct().count()).isEqualTo(9);
        assertThat(m.covariances()[4][0][0]).isEqualTo(0.25);
    }

    @Test
    void shouldGiveSharpCovariancesEigenvaluesOneAndOneHundredthInSeededDirections() {
        GaussianMixture m = Geometries.build(Geometry.SHARPCOV_2D, 2, SEED);
        for (double[][] c : m.covariances()) {
            assertThat(c[0][0] + c[1][1]).isCloseTo(1.01, offset(EXACT_TOL));
            assertThat(c[0][0] * c[1][1] - c[0][1] * c[1][0]).isCloseTo(0.01, offset(EXACT_TOL));
        }
        assertThat(Geometries.build(Geometry.SHARPCOV_2D, 2, SEED).covariances()).isDeepEqualTo(m.covariances());
        assertThat(Geometries.build(Geometry.SHARPCOV_2D, 2, SEED + 1).covariances()[0][0][1])
                .isNotEqualTo(m.covariances()[0][0][1]);
    }

    @Test
    void shouldPlaceSpiralMeansAtRadiusHalfTheAngle() {
        GaussianMixture m = Geometries.build(Geometry.SPIRAL_2D, 2, SEED);
        assertThat(m.components()).isEqualTo(20);
        for (int k = 0; k < 20; k++) {
            double theta = 4 * Math.PI * k / 19;
            assertThat(m.means()[k][0]).isCloseTo(0.5 * theta * Math.cos(theta), offset(EXACT_TOL));
            assertThat(m.means()[k][1]).isCloseTo(0.5 * theta * Math.sin(theta), offset(EXACT_TOL));
            assertThat(m.covariances()[k]).isDeepEqualTo(GaussianMixture.isotropicCovariance(2, 0.05));
        }
    }

    @Test
    void shouldDrawHighDimensionalMeansWithVarianceFour() {
        GaussianMixture m = Geometries.build(Geometry.HD_UNIFORM, DIM, SEED);
        assertThat(m.components()).isEqualTo(10);
        assertThat(m.dimension()).isEqualTo(DIM);
        assertThat(m.isotropic()).isTrue();
        assertThat(m.covariances()[0][DIM - 1][DIM - 1]).isEqualTo(0.25);
        double[] entries = Arrays.stream(m.means()).flatMapToDouble(Arrays::stream).toArray();
        double secondMoment = Arrays.stream(entries).map(v -> v * v).average().orElseThrow();
        assertThat(secondMoment).isCloseTo(4, offset(MEAN_VARIANCE_TOL));
    }

    @Test
    void shouldGiveHighDimensionalSharpCovariancesLogSpacedEigenvaluesInRandomBases() {
        GaussianMixture m = Geometries.build(Geometry.HD_SHARPCOV, DIM, SEED);
        double[] expected = new double[DIM];
        Arrays.setAll(expected, i -> Math.pow(10, -3.0 * (DIM - 1 - i) / (DIM - 1)));
        for (int k = 0; k < m.components(); k++) {
            assertThat(eigenvalues(m.covariances()[k])).as("component %s", k)
                    .containsExactly(expected, offset(EIGEN_TOL));
        }
        assertThat(m.diagonal()).isFalse();
        assertThat(m.covariances()[0][0][1]).isNotEqualTo(m.covariances()[1][0][1]);
    }

    @Test
    void shouldEmbedTheSpiralIsometricallyWithThinNormalVariance() {
        GaussianMixture m = Geometries.build(Geometry.THIN_MANIFOLD, DIM, SEED);
        GaussianMixture spiral = Geometries.build(Geometry.SPIRAL_2D, 2, SEED);
        assertThat(m.dimension()).isEqualTo(DIM);
        for (int i = 0; i < m.components(); i++) {
            for (int j = 0; j < i; j++) {
                assertThat(distance(m.means()[i], m.means()[j]))
                        .isCloseTo(distance(spiral.means()[i], spiral.means()[j]), offset(EIGEN_TOL));
            }
        }
        double[] expected = new double[DIM];
        Arrays.fill(expected, 1e-4);
        expected[DIM - 2] = 0.05;
        expected[DIM - 1] = 0.05;
        assertThat(eigenvalues(m.covariances()[7])).containsExactly(expected, offset(EIGEN_TOL));
    }

    private static double[] eigenvalues(double[][] covariance) {
        INDArray copy = Nd4j.create(covariance).castTo(DataType.DOUBLE).dup('c');
        double[] values = Eigen.symmetricGeneralizedEigenvalues(copy, false).data().asDouble();
        Arrays.sort(values);
        return values;
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }
}
