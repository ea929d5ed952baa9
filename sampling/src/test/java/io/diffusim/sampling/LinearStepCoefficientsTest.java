package io.diffusim.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.diffusim.model.denoise.Prediction;
import io.diffusim.sampling.bound.ErrorBound;
import io.diffusim.sampling.bound.LinearStepCoefficients;
import io.diffusim.sampling.noise.CounterNoise;
import io.diffusim.sampling.vp.DdimSampler;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class LinearStepCoefficientsTest {

    /** K7/K8 are quoted to 8 decimals. */
    private static final Offset<Double> QUOTED = within(5e-9);
    private static final double REL_TOL = 1e-12;
    private static final double[] ALPHA_BAR = TestModels.alphaBars(TestModels.linearBetas(1000));

    @Test
    void shouldReproduceK7ForTheEdmEulerStep() {
        LinearStepCoefficients c = LinearStepCoefficients.edmEuler(LinearStepCoefficients.EDM_SIGMA_DATA, 80, 57.58596);
        assertThat(c.kappa()).isCloseTo(0.99999704, QUOTED);
        assertThat(c.eta()).isCloseTo(0.00243253, QUOTED);
        assertThat(c.zeta()).isZero();
    }

    @Test
    void shouldReproduceK8ForDdpmAndDdim() {
        LinearStepCoefficients ddpm = LinearStepCoefficients.ddpm(ALPHA_BAR[999], ALPHA_BAR[998]);
        LinearStepCoefficients ddim = LinearStepCoefficients.ddim(ALPHA_BAR[999], ALPHA_BAR[998]);
        assertThat(ddpm.kappa()).isCloseTo(1.01015254, QUOTED);
        assertThat(ddpm.eta()).isCloseTo(-0.02020346, QUOTED);
        assertThat(ddpm.zeta()).isCloseTo(0.14142130, QUOTED);
        assertThat(ddim.kappa()).isCloseTo(1.01015254, QUOTED);
        assertThat(ddim.eta()).isCloseTo(-0.01015275, QUOTED);
        assertThat(ddim.zeta()).isZero();
    }

    @Test
    void shouldDescribeTheDdimSamplerStepExactly() {
        int[] tau = {999, 998};
        DdimSampler sampler = new DdimSampler(ALPHA_BAR, tau, 0, 2);
        CounterNoise noise = new CounterNoise(1);
        SamplerState state = sampler.start(TestModels.ids(0, 4), noise);
        INDArray eps = noise.gaussian(TestModels.ids(100, 4), 2, 0, 0);
        Prediction prediction = Prediction.ofEps(state.x(), eps, TestModels.column(4, Math.sqrt(ALPHA_BAR[999])),
                TestModels.column(4, Math.sqrt(1 - ALPHA_BAR[999])));
        double[] next = SamplerContract.flat(sampler.accept(state, prediction, noise).x());
        LinearStepCoefficients c = LinearStepCoefficients.ddim(ALPHA_BAR[999], ALPHA_BAR[998]);
        double[] expected = SamplerContract.flat(state.x().mul(c.kappa()).addi(eps.mul(c.eta())));
        for (int i = 0; i < next.length; i++) {
            assertThat(next[i]).isCloseTo(expected[i], within(REL_TOL * (1 + Math.abs(expected[i]))));
        }
    }

    @Test
    void shouldAgreeWithTheGeneralPreconditionedEulerForEdm() {
        double sd = LinearStepCoefficients.EDM_SIGMA_DATA;
        double t = 12.91;
        double tNext = 8.4009;
        LinearStepCoefficients edm = LinearStepCoefficients.edmEuler(sd, t, tNext);
        // Table form of docs/science.md §2.8
        double kappa = Math.sqrt((sd * sd + t * t) / (sd * sd + tNext * tNext)) * (1 - t * (t - tNext) / (t * t + sd * sd));
        double eta = sd * (t - tNext) / Math.sqrt((t * t + sd * sd) * (tNext * tNext + sd * sd));
        assertThat(edm.kappa()).isCloseTo(kappa, within(REL_TOL));
        assertThat(edm.eta()).isCloseTo(eta, within(REL_TOL));
        LinearStepCoefficients fm = LinearStepCoefficients.flowMatchingEuler(0.6, 0.4);
        assertThat(fm.kappa()).isEqualTo(1);
        assertThat(fm.eta()).isCloseTo(-0.2, within(REL_TOL));
    }

    @Test
    void shouldAccumulateTheErrorBoundFromTheLastStepBackwards() {
        double[] kappa = {1.0, 2.0, 0.5};
        double[] eta = {0.1, -0.2, 0.3};
        double[] lipschitz = {1.0, 5.0, 2.0};
        double[] delta = {1.0, 2.0, 3.0};
        ErrorBound bound = ErrorBound.of(kappa, eta, lipschitz, delta);
        // A_2 = 1, A_1 = |k2| + |e2| L2 = 1.1, A_0 = A_1 (|k1| + |e1| L1) = 1.1 * 3 = 3.3
        // B = (0.1, 0.4, 0.9): terms 0.33, 0.44, 0.9
        assertThat(bound.terms()).containsExactly(new double[] {0.33, 0.44, 0.9}, within(REL_TOL));
        assertThat(bound.total()).isCloseTo(1.67, within(REL_TOL));
    }

    @Test
    void shouldRejectANonIncreasingAlphaBar() {
        assertThatThrownBy(() -> LinearStepCoefficients.ddim(0.5, 0.4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0.4");
    }
}
