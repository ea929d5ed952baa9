package io.diffusim.model.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ContinuousProcessesTest {

    /** Central differences with h = 1e-6: O(h^2) truncation plus O(1e-16/h) round-off. */
    private static final double FD_STEP = 1e-6;
    private static final double FD_TOL = 1e-7;
    /** Closed forms evaluated in float64. */
    private static final double EXACT_TOL = 1e-12;

    static Stream<Arguments> processesAndInteriorTimes() {
        return Stream.of(
                Arguments.of(VpContinuousProcess.defaults(), new double[] {0.01, 0.3, 0.9}),
                Arguments.of(VeProcess.edmDefaults(), new double[] {0.01, 1, 70}),
                Arguments.of(EdmInputScaledProcess.defaults(), new double[] {0.01, 0.5, 70}),
                Arguments.of(new FlowMatchingProcess(), new double[] {0.1, 0.5, 0.9}),
                Arguments.of(new EqmCorruption(), new double[] {0.1, 0.5, 0.9}));
    }

    @ParameterizedTest
    @MethodSource("processesAndInteriorTimes")
    void shouldMatchDerivativesWithCentralDifferences(ForwardProcess process, double[] times) {
        for (double t : times) {
            double aSlope = (process.a(t + FD_STEP) - process.a(t - FD_STEP)) / (2 * FD_STEP);
            double bSlope = (process.b(t + FD_STEP) - process.b(t - FD_STEP)) / (2 * FD_STEP);
            assertThat(process.aDot(t)).as("aDot(%s)", t).isCloseTo(aSlope, within(FD_TOL));
            assertThat(process.bDot(t)).as("bDot(%s)", t).isCloseTo(bSlope, within(FD_TOL));
        }
    }

    @Test
    void shouldPreserveVarianceOnTheContinuousVpPath() {
        VpContinuousProcess vp = VpContinuousProcess.defaults();

        assertThat(vp.variancePreserving()).isTrue();
        for (double t : new double[] {1e-5, 0.5, 1}) {
            assertThat(vp.a(t) * vp.a(t) + vp.b(t) * vp.b(t)).isCloseTo(1, within(EXACT_TOL));
        }
        // a(1) = exp(-(beta_min + (beta_max - beta_min)/2)/2) = exp(-5.025)
        assertThat(vp.a(1)).isCloseTo(0.006571586494929619, within(EXACT_TOL));
        assertThat(vp.tMin()).isEqualTo(1e-5);
    }

    @Test
    void shouldScaleEdmInputsByCIn() {
        EdmInputScaledProcess edm = EdmInputScaledProcess.defaults();
        double sigma = 0.5;

        // c_in(0.5) = 1/sqrt(0.5) with sigma_d = 0.5
        assertThat(edm.a(sigma)).isCloseTo(1.414213562373095, within(EXACT_TOL));
        assertThat(edm.b(sigma)).isCloseTo(sigma * 1.414213562373095, within(EXACT_TOL));
        assertThat(edm.variancePreserving()).isFalse();
        assertThat(new EdmInputScaledProcess(1, 0.002, 80).variancePreserving()).isTrue();
    }

    @Test
    void shouldOrientFlowMatchingAndEqmOppositely() {
        FlowMatchingProcess fm = new FlowMatchingProcess();
        EqmCorruption eqm = new EqmCorruption();

        assertThat(fm.b(1)).isEqualTo(1.0);
        assertThat(fm.a(1)).isEqualTo(0.0);
        assertThat(eqm.a(1)).isEqualTo(1.0);
        assertThat(eqm.b(1)).isEqualTo(0.0);
        assertThat(fm.a(0.3)).isEqualTo(eqm.a(0.7));
    }

    @Test
    void shouldRejectTimesOutsideEachDomain() {
        assertThatThrownBy(() -> new FlowMatchingProcess().a(1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1.5");
        assertThatThrownBy(() -> new EqmCorruption().b(-0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VeProcess.edmDefaults().b(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VpContinuousProcess.defaults().a(1.01)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VeProcess(80, 0.002)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("80");
    }
}
