package io.diffusim.model.denoise;

import static io.diffusim.model.denoise.DenoiserFixtures.column;
import static io.diffusim.model.denoise.DenoiserFixtures.matrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.diffusim.model.data.Moons;
import io.diffusim.model.host.HostPool;
import io.diffusim.model.process.LinearBetaSchedule;
import io.diffusim.model.process.VpDiscreteProcess;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class FusedEmpiricalDenoiserTest {

    /** docs/science.md §8 quotes known answers to 6 decimal places. */
    private static final double KNOWN_ANSWER_TOL = 1e-6;
    private static final double FD_STEP = 1e-4;
    private static final double FD_TOL = 1e-6;

    private static final INDArray TWO_POINTS = matrix(new double[][] {{-1}, {1}});

    @Test
    void shouldReproduceTwoPointTanhInVeAndVpK3() {
        double ve = new FusedEmpiricalDenoiser(DenoiserFixtures.ve(), TWO_POINTS)
                .evaluate(new EvalRequest(matrix(new double[][] {{0.5}}), column(1), null)).x0().getDouble(0, 0);
        double vp = new FusedEmpiricalDenoiser(DenoiserFixtures.constant(0.8, 0.6), TWO_POINTS)
                .evaluate(new EvalRequest(matrix(new double[][] {{0.3}}), column(1), null)).x0().getDouble(0, 0);

        assertThat(ve).isCloseTo(0.462117, within(KNOWN_ANSWER_TOL));
        assertThat(vp).isCloseTo(0.582783, within(KNOWN_ANSWER_TOL));
    }

    @Test
    void shouldAgreeWithTheNd4jBackendOnTheTwoPointKnownAnswers() {
        BackendAgreement.assertAgree(new FusedEmpiricalDenoiser(DenoiserFixtures.ve(), TWO_POINTS),
                new EmpiricalDenoiser(DenoiserFixtures.ve(), TWO_POINTS),
                new EvalRequest(matrix(new double[][] {{0.5}, {-2}, {7}}), column(1, 0.3, 2), null));
        BackendAgreement.assertAgree(new FusedEmpiricalDenoiser(DenoiserFixtures.constant(0.8, 0.6), TWO_POINTS),
                new EmpiricalDenoiser(DenoiserFixtures.constant(0.8, 0.6), TWO_POINTS),
                new EvalRequest(matrix(new double[][] {{0.3}}), column(1), null));
    }

    @Test
    void shouldAgreeWithTheNd4jBackendWhenLaterChunksRaiseTheMax() {
        SplittableRandom random = new SplittableRandom(1);
        // points drift away from the origin so later chunks raise the running max and force rescaling
        INDArray points = DenoiserFixtures.gaussian(random, 1500, 6, 1).addiColumnVector(
                column(IntStream.range(0, 1500).mapToDouble(i -> i / 300.0).toArray()));
        INDArray x = DenoiserFixtures.gaussian(random, 40, 6, 3).addi(2);
        INDArray t = DenoiserFixtures.times(random, 40, 0.1, 1.4);

        BackendAgreement.assertAgree(new FusedEmpiricalDenoiser(DenoiserFixtures.vp(), points),
                new EmpiricalDenoiser(DenoiserFixtures.vp(), points), new EvalRequest(x, t, null));
    }

    @Test
    void shouldAgreeWithTheNd4jBackendOnTheDemoMoonsAtEveryTenthChainTime() {
        INDArray moons = Moons.generate(2000, 0).points();
        VpDiscreteProcess chain = new VpDiscreteProcess(LinearBetaSchedule.defaults(100));
        SplittableRandom random = new SplittableRandom(5);
        INDArray x = DenoiserFixtures.gaussian(random, 100, 2, 1.2);
        INDArray t = column(IntStream.range(0, 100).mapToDouble(i -> i % 10 * 11).toArray());

        BackendAgreement.assertAgree(new FusedEmpiricalDenoiser(chain, moons), new EmpiricalDenoiser(chain, moons),
                new EvalRequest(x, t, null));
    }

    @Test
    void shouldAgreeWithTheNd4jBackendOnWeightedPoints() {
        SplittableRandom random = new SplittableRandom(2);
        INDArray points = DenoiserFixtures.gaussian(random, 5, 3, 1);
        double[] weights = {0.1, 0.3, 0.2, 0.15, 0.25};
        HostPool pool = HostPool.of(2);

        BackendAgreement.assertAgree(new FusedEmpiricalDenoiser(DenoiserFixtures.vp(), points, weights, pool),
                new EmpiricalDenoiser(DenoiserFixtures.vp(), points, weights, null, 0.1, 0),
                new EvalRequest(DenoiserFixtures.gaussian(random, 8, 3, 1), DenoiserFixtures.times(random, 8, 0.2, 1.3), null));
    }

    @Test
    void shouldMatchCentralDifferenceDivergence() {
        SplittableRandom random = new SplittableRandom(3);
        Denoiser denoiser = new FusedEmpiricalDenoiser(DenoiserFixtures.vp(), DenoiserFixtures.gaussian(random, 40, 4, 1));
        INDArray x = DenoiserFixtures.gaussian(random, 6, 4, 1);
        INDArray t = DenoiserFixtures.times(random, 6, 0.3, 1.4);

        double[] analytic = denoiser.evaluate(new EvalRequest(x, t, null)).divergence().toDoubleVector();

        assertThat(analytic).containsExactly(DenoiserFixtures.centralDifferenceDivergence(denoiser, x, t, FD_STEP), within(FD_TOL));
    }

    @Test
    void shouldGiveEachRowTheSameBitsAloneAsInABatch() {
        SplittableRandom random = new SplittableRandom(4);
        Denoiser denoiser = new FusedEmpiricalDenoiser(DenoiserFixtures.vp(), DenoiserFixtures.gaussian(random, 300, 5, 1),
                null, HostPool.of(2));
        INDArray x = DenoiserFixtures.gaussian(random, 150, 5, 1.5);
        INDArray t = DenoiserFixtures.times(random, 150, 0.05, 1.5);

        INDArray batch = DenoiserFixtures.withDivergence(denoiser.evaluate(new EvalRequest(x, t, null)));

        assertThat(DenoiserFixtures.rowByRow(denoiser, x, t).data().asDouble()).isEqualTo(batch.data().asDouble());
    }

    @Test
    void shouldGiveTheSameBitsOnOneThreadAsOnTwo() {
        INDArray moons = Moons.generate(2000, 1).points();
        VpDiscreteProcess chain = new VpDiscreteProcess(LinearBetaSchedule.defaults(100));
        SplittableRandom random = new SplittableRandom(6);
        EvalRequest request = new EvalRequest(DenoiserFixtures.gaussian(random, 500, 2, 1.5),
                DenoiserFixtures.times(random, 500, 0, 99), null);

        Prediction one = new FusedEmpiricalDenoiser(chain, moons, null, HostPool.of(1)).evaluate(request);
        Prediction two = new FusedEmpiricalDenoiser(chain, moons, null, HostPool.of(2)).evaluate(request);

        assertThat(two.x0().data().asDouble()).isEqualTo(one.x0().data().asDouble());
        assertThat(two.eps().data().asDouble()).isEqualTo(one.eps().data().asDouble());
        assertThat(two.divergence().data().asDouble()).isEqualTo(one.divergence().data().asDouble());
    }

    @Test
    void shouldLeaveANonFiniteParticleNonFinite() {
        Prediction p = new FusedEmpiricalDenoiser(DenoiserFixtures.ve(), TWO_POINTS)
                .evaluate(new EvalRequest(matrix(new double[][] {{Double.NaN}, {0.5}}), column(1, 1), null));

        assertThat(p.x0().getDouble(0, 0)).isNaN();
        assertThat(p.x0().getDouble(1, 0)).isCloseTo(0.462117, within(KNOWN_ANSWER_TOL));
    }
}
