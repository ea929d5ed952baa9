package io.diffusim.model.denoise;

import static io.diffusim.model.denoise.DenoiserFixtures.column;
import static io.diffusim.model.denoise.DenoiserFixtures.matrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.diffusim.model.data.GaussianMixture;
import io.diffusim.model.host.HostPool;
import io.diffusim.model.process.LinearBetaSchedule;
import io.diffusim.model.process.VpDiscreteProcess;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class FusedGmmDenoiserTest {

    /** docs/science.md §8 quotes known answers to 6 decimal places. */
    private static final double KNOWN_ANSWER_TOL = 1e-6;
    private static final double FD_STEP = 1e-4;
    private static final double FD_TOL = 1e-6;

    private static final double[][] K1_COV = {{2, 0.5}, {0.5, 1}};
    /** examples/gmm-ddim.conf's mixture: isotropic, diagonal and full covariances. */
    private static final GaussianMixture GMM_DDIM = new GaussianMixture(new double[] {0.3, 0.5, 0.2},
            new double[][] {{-2, 0}, {2, 1}, {0, -2}},
            new double[][][] {{{0.0625, 0}, {0, 0.0625}}, {{0.25, 0}, {0, 0.04}}, {{0.3, 0.2}, {0.2, 0.3}}});

    @Test
    void shouldReproduceTheGaussianKnownAnswersK1AndK2() {
        Prediction ve = new FusedGmmDenoiser(DenoiserFixtures.ve(), single(new double[] {1, -1}, K1_COV))
                .evaluate(new EvalRequest(matrix(new double[][] {{0, 0}}), column(0.5), null));
        Prediction vp = new FusedGmmDenoiser(DenoiserFixtures.constant(0.8, 0.6), single(new double[] {1, -1}, K1_COV))
                .evaluate(new EvalRequest(matrix(new double[][] {{0, 0}}), column(1), null));

        assertThat(ve.score().toDoubleVector()).containsExactly(new double[] {0.682927, -1.073171}, within(KNOWN_ANSWER_TOL));
        assertThat(ve.x0().toDoubleVector()).containsExactly(new double[] {0.170732, -0.268293}, within(KNOWN_ANSWER_TOL));
        assertThat(vp.score().toDoubleVector()).containsExactly(new double[] {0.686785, -1.019771}, within(KNOWN_ANSWER_TOL));
        assertThat(vp.x0().toDoubleVector()).containsExactly(new double[] {0.309053, -0.458897}, within(KNOWN_ANSWER_TOL));
        assertThat(vp.eps().toDoubleVector()).containsExactly(new double[] {-0.412071, 0.611863}, within(KNOWN_ANSWER_TOL));
    }

    @Test
    void shouldReproduceTheOneDimensionalMixturePosteriorK4() {
        double a = Math.sqrt(0.5);
        GaussianMixture mixture = new GaussianMixture(new double[] {0.3, 0.7}, new double[][] {{-2}, {2}},
                new double[][][] {{{0.0625}}, {{0.0625}}});
        Prediction p = new FusedGmmDenoiser(DenoiserFixtures.constant(a, a), mixture)
                .evaluate(new EvalRequest(matrix(new double[][] {{0.4}}), column(1), null));

        assertThat(p.x0().getDouble(0, 0)).isCloseTo(1.733120, within(KNOWN_ANSWER_TOL));
        assertThat(p.score().getDouble(0, 0)).isCloseTo(1.651002, within(KNOWN_ANSWER_TOL));
    }

    @Test
    void shouldAgreeWithTheNd4jBackendOnTheKnownAnswerCases() {
        GaussianMixture k1 = single(new double[] {1, -1}, K1_COV);
        EvalRequest origin = new EvalRequest(matrix(new double[][] {{0, 0}, {1, 2}}), column(0.5, 1.5), null);
        BackendAgreement.assertAgree(new FusedGmmDenoiser(DenoiserFixtures.ve(), k1), new GmmDenoiser(DenoiserFixtures.ve(), k1), origin);
        BackendAgreement.assertAgree(new FusedGmmDenoiser(DenoiserFixtures.constant(0.8, 0.6), k1),
                new GmmDenoiser(DenoiserFixtures.constant(0.8, 0.6), k1), origin);
        double a = Math.sqrt(0.5);
        GaussianMixture k4 = new GaussianMixture(new double[] {0.3, 0.7}, new double[][] {{-2}, {2}},
                new double[][][] {{{0.0625}}, {{0.0625}}});
        BackendAgreement.assertAgree(new FusedGmmDenoiser(DenoiserFixtures.constant(a, a), k4),
                new GmmDenoiser(DenoiserFixtures.constant(a, a), k4), new EvalRequest(matrix(new double[][] {{0.4}, {-3}}), column(1, 1), null));
    }

    @Test
    void shouldAgreeWithTheNd4jBackendOnFullRankDeficientCovariancesAtMixedTimes() {
        SplittableRandom random = new SplittableRandom(11);
        GaussianMixture mixture = GmmDenoiserTest.randomMixture(random, 4, 3);
        EvalRequest request = new EvalRequest(DenoiserFixtures.gaussian(random, 50, 3, 2),
                DenoiserFixtures.times(random, 50, 0.1, 1.5), null);

        BackendAgreement.assertAgree(new FusedGmmDenoiser(DenoiserFixtures.vp(), mixture),
                new GmmDenoiser(DenoiserFixtures.vp(), mixture), request);
    }

    @Test
    void shouldAgreeWithTheNd4jBackendOnTheGmmDdimMixtureOverTheChain() {
        VpDiscreteProcess chain = new VpDiscreteProcess(LinearBetaSchedule.defaults(1000));
        SplittableRandom random = new SplittableRandom(12);
        INDArray t = column(IntStream.range(0, 200).mapToDouble(i -> Math.round(999.0 * (i % 50) / 49)).toArray());
        EvalRequest request = new EvalRequest(DenoiserFixtures.gaussian(random, 200, 2, 1.5), t, null);

        BackendAgreement.assertAgree(new FusedGmmDenoiser(chain, GMM_DDIM), new GmmDenoiser(chain, GMM_DDIM), request);
    }

    @Test
    void shouldMatchCentralDifferenceDivergence() {
        Denoiser gmm = new FusedGmmDenoiser(DenoiserFixtures.vp(), GmmDenoiserTest.randomMixture(new SplittableRandom(5), 3, 3));
        SplittableRandom random = new SplittableRandom(6);
        INDArray x = DenoiserFixtures.gaussian(random, 5, 3, 1.5);
        INDArray t = DenoiserFixtures.times(random, 5, 0.3, 1.4);

        double[] analytic = gmm.evaluate(new EvalRequest(x, t, null)).divergence().toDoubleVector();

        assertThat(analytic).containsExactly(DenoiserFixtures.centralDifferenceDivergence(gmm, x, t, FD_STEP), within(FD_TOL));
    }

    @Test
    void shouldGiveEachRowTheSameBitsAloneAsInABatch() {
        Denoiser gmm = new FusedGmmDenoiser(DenoiserFixtures.vp(), GmmDenoiserTest.randomMixture(new SplittableRandom(17), 4, 3),
                HostPool.of(2));
        SplittableRandom random = new SplittableRandom(18);
        INDArray x = DenoiserFixtures.gaussian(random, 64, 3, 2);
        INDArray t = DenoiserFixtures.times(random, 64, 0.05, 1.5);

        INDArray batch = DenoiserFixtures.withDivergence(gmm.evaluate(new EvalRequest(x, t, null)));

        assertThat(DenoiserFixtures.rowByRow(gmm, x, t).data().asDouble()).isEqualTo(batch.data().asDouble());
    }

    @Test
    void shouldGiveTheSameBitsOnOneThreadAsOnTwo() {
        VpDiscreteProcess chain = new VpDiscreteProcess(LinearBetaSchedule.defaults(1000));
        SplittableRandom random = new SplittableRandom(19);
        // more rows than one parallel block, at one time as a sampler sends them
        EvalRequest request = new EvalRequest(DenoiserFixtures.gaussian(random, 3000, 2, 1.5),
                column(IntStream.range(0, 3000).mapToDouble(i -> 500).toArray()), null);

        Prediction one = new FusedGmmDenoiser(chain, GMM_DDIM, HostPool.of(1)).evaluate(request);
        Prediction two = new FusedGmmDenoiser(chain, GMM_DDIM, HostPool.of(2)).evaluate(request);

        assertThat(two.x0().data().asDouble()).isEqualTo(one.x0().data().asDouble());
        assertThat(two.eps().data().asDouble()).isEqualTo(one.eps().data().asDouble());
        assertThat(two.divergence().data().asDouble()).isEqualTo(one.divergence().data().asDouble());
    }

    private static GaussianMixture single(double[] mean, double[][] covariance) {
        return new GaussianMixture(new double[] {1}, new double[][] {mean}, new double[][][] {covariance});
    }
}
