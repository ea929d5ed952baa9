package io.diffusim.model.param;

import static io.diffusim.model.param.ParamFixtures.column;
import static io.diffusim.model.param.ParamFixtures.maxAbsDiff;
import static io.diffusim.model.param.ParamFixtures.normals;
import static io.diffusim.model.param.ParamFixtures.uniforms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class PreconditioningTest {

    /** Closed-form coefficients in float64. */
    private static final double EXACT_TOL = 1e-12;
    private static final double SIGMA_DATA = 0.5;
    private static final double[] SIGMAS = {0.002, 0.1, 0.5, 1, 80};
    private static final int BATCH = 32;
    private static final int DIM = 5;

    @Test
    void shouldWeightTheLossSoThatLambdaTimesCOutSquaredIsOne() {
        for (Preconditioning preconditioning : new Preconditioning[] {EdmPreconditioning.defaults(),
                UedmPreconditioning.defaults()}) {
            for (double sigma : SIGMAS) {
                double cOut = preconditioning.cOut(sigma);
                assertThat(preconditioning.lossWeight(sigma) * cOut * cOut).isCloseTo(1, within(EXACT_TOL));
            }
        }
    }

    @Test
    void shouldGiveTheEdmCoefficientsAtSigmaEqualToSigmaData() {
        EdmPreconditioning edm = EdmPreconditioning.defaults();

        assertThat(edm.cSkip(0.5)).isCloseTo(0.5, within(EXACT_TOL));
        assertThat(edm.cOut(0.5)).isCloseTo(0.35355339059327373, within(EXACT_TOL));
        assertThat(edm.cIn(0.5)).isCloseTo(1.414213562373095, within(EXACT_TOL));
        assertThat(edm.cNoise(1)).isZero();
        assertThat(edm.cNoise(Math.exp(4))).isCloseTo(1, within(EXACT_TOL));
    }

    @Test
    void shouldImplyTheNocondTargetCoefficientsOfTheRawNetwork() {
        for (double sigma : SIGMAS) {
            double root = Math.sqrt(sigma * sigma + SIGMA_DATA * SIGMA_DATA);
            TargetCoefficients coefficients = TargetCoefficients.edmNetwork(sigma, SIGMA_DATA);

            assertThat(coefficients.c()).isCloseTo(sigma / (SIGMA_DATA * root), within(EXACT_TOL));
            assertThat(coefficients.d()).isCloseTo(-SIGMA_DATA / root, within(EXACT_TOL));
        }
    }

    @Test
    void shouldRecoverX0FromTheImpliedNetworkTarget() {
        SplittableRandom random = new SplittableRandom(15);
        double[] sigmaValues = uniforms(random, BATCH, 0.002, 80);
        INDArray sigma = column(sigmaValues, s -> s);
        INDArray x0 = normals(random, BATCH, DIM);
        INDArray x = normals(random, BATCH, DIM).mulColumnVector(sigma).addi(x0);

        for (Preconditioning preconditioning : new Preconditioning[] {EdmPreconditioning.defaults(),
                UedmPreconditioning.defaults()}) {
            INDArray target = preconditioning.networkTarget(x0, x, sigma);
            assertThat(maxAbsDiff(preconditioning.denoised(x, target, sigma), x0)).isLessThan(EXACT_TOL * 100);
        }
    }

    @Test
    void shouldScaleUedmInputsToUnitVarianceWithoutNoiseInput() {
        UedmPreconditioning uedm = UedmPreconditioning.defaults();
        INDArray sigma = column(new double[] {0, 1}, s -> s);
        INDArray x = column(new double[] {2, 2}, v -> v);

        assertThat(uedm.networkInput(x, sigma).toDoubleVector()).containsExactly(new double[] {2, Math.sqrt(2)},
                within(EXACT_TOL));
        assertThat(uedm.cOut(3)).isEqualTo(1.0);
        assertThat(uedm.conditionsOnNoise()).isFalse();
        assertThatThrownBy(() -> uedm.cNoise(1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldRejectInvalidSigmas() {
        assertThatThrownBy(() -> EdmPreconditioning.defaults().cNoise(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0");
        assertThatThrownBy(() -> EdmPreconditioning.defaults().cSkip(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> new EdmPreconditioning(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
