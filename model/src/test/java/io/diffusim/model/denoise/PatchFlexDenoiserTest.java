package io.diffusim.model.denoise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.diffusim.model.data.Dataset;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class PatchFlexDenoiserTest {

    /** Same arithmetic on the same numbers. */
    private static final double EXACT_TOL = 1e-12;
    /** Against the independent NumPy computation (the issue asks 1e-12). */
    private static final double ORACLE_TOL = 1e-12;
    private static final double FD_STEP = 1e-4;
    private static final double FD_TOL = 1e-6;

    private static final int N = 6;
    private static final int C = 2;
    private static final int H = 4;
    private static final int W = 5;
    private static final double GRID_SIGMA_9 = 1.9233398370400518;

    /**
     * model/src/test/resources/oracles/pspc_flex_oracle.py (NumPy, /usr/bin/python3) on the closed-form data of
     * {@link #oracleData()}: the mask of pixel 7 and the composite x0 of both query rows at sigma = grid value 9, tau = 0.5.
     * Its smallest distance of a running sum to the threshold 1 - tau is 1.8e-4, so no mask sits on a rounding edge.
     */
    private static final int[] ORACLE_MASK_7 = {2, 3, 6, 7, 8, 11, 12, 13};
    private static final int[] ORACLE_MASK_SIZES = {5, 6, 7, 6, 5, 6, 8, 8, 8, 6, 6, 8, 8, 8, 6, 5, 6, 7, 6, 5};
    private static final double[][] ORACLE_X0 = {
        {0.15948816625173, 0.33797032262942855, 0.40162890047874517, 0.3782088957179311, 0.3932008489068952,
            -0.21695774242272425, -0.2671809500279104, -0.28546341555868154, -0.2812870468069985, -0.188493938356829,
            0.12930344569310862, 0.04644630929136812, 0.09264485329056807, -0.02999076926353201, -0.14482540729196441,
            0.12980771105560956, 0.1728783720620278, 0.17885135343581934, 0.32957927515401236, 0.5347130240204392,
            0.43455552542238857, 0.30438032342206933, 0.22781230977241815, 0.13523457567139704, 0.002218868369032411,
            -0.20576585118873503, -0.06986067914539201, 0.005575005713279076, 0.13741888914037295, 0.2575390105812569,
            -0.15505548573947267, -0.2333241576087707, -0.26799275753430984, -0.3903251969954562, -0.3527546733806321,
            0.34694053162978505, 0.2980460086384345, 0.34017714813494393, 0.4415212100629234, 0.2107737440352651},
        {0.1120382133751482, 0.37923083405559654, 0.44303090726447375, 0.2806240228837226, 0.27736246085100813,
            -0.2700637445085422, -0.3745952923596456, -0.35225466784793635, -0.2779068663004559, -0.22728988389573646,
            0.25063545724318353, 0.1750495567327573, 0.1810657979860746, 0.07745344801473288, -0.003548632945357788,
            0.004709479971179514, 0.08390882986217639, 0.12997936759832926, 0.17303951036032128, 0.3631934723716054,
            0.5958368597947694, 0.4682728517756029, 0.29385893222624226, 0.18676414389244156, 0.12158015578274323,
            -0.4185741738593226, -0.20628040665835382, -0.07053474006479463, 0.011094349248274887, 0.08558532729923755,
            -0.0247700352891222, -0.15761337377966142, -0.16935751313468797, -0.2543220665916316, -0.21244449210674876,
            0.36732309690013976, 0.32221310142463366, 0.29659294010248827, 0.3712944569998802, 0.21728985881448798}};

    @Test
    void shouldMatchTheNumpyMasksAndCompositeOfTheIsotropicFallback() {
        PatchFlexDenoiser flex = new PatchFlexDenoiser(DenoiserFixtures.ve(), oracleData(), PatchFlexDenoiser.pspcTau(),
                new GaussianHeatMaps(H, W, GaussianHeatMaps.DEFAULT_STD), 0);
        int level = PatchFlexDenoiser.pspcTau().index(GRID_SIGMA_9);

        INDArray x0 = flex.evaluate(new EvalRequest(oracleQueries(), DenoiserFixtures.column(GRID_SIGMA_9, GRID_SIGMA_9), null)).x0();

        assertThat(PatchFlexDenoiser.pspcTau().value(GRID_SIGMA_9)).isEqualTo(0.5);
        assertThat(flex.mask(level, 7)).containsExactly(ORACLE_MASK_7);
        for (int p = 0; p < H * W; p++) {
            assertThat(flex.mask(level, p)).as("pixel %d", p).hasSize(ORACLE_MASK_SIZES[p]).contains(p);
        }
        for (int r = 0; r < 2; r++) {
            assertThat(x0.getRow(r).toDoubleVector()).containsExactly(ORACLE_X0[r], within(ORACLE_TOL));
        }
    }

    @Test
    void shouldBeTheEmpiricalDenoiserExactlyWhenTauIsOne() {
        Dataset data = DenoiserFixtures.randomImages(new SplittableRandom(11), 30, 3, 5, 5);
        SplittableRandom random = new SplittableRandom(12);
        INDArray x = DenoiserFixtures.gaussian(random, 7, 75, 1);
        // sigma from 10 to 60: the first seven entries of the paper's schedule, all tau = 1
        INDArray t = DenoiserFixtures.times(random, 7, 10, 60);
        PatchFlexDenoiser flex = new PatchFlexDenoiser(DenoiserFixtures.ve(), data, PatchFlexDenoiser.pspcTau(),
                new GaussianHeatMaps(5, 5, 2), 16);

        INDArray fromFlex = DenoiserFixtures.withDivergence(flex.evaluate(new EvalRequest(x, t, null)));
        INDArray empirical = DenoiserFixtures.withDivergence(new EmpiricalDenoiser(DenoiserFixtures.ve(), data.points(), null, null,
                0.1, 16).evaluate(new EvalRequest(x, t, null)));

        assertThat(flex.scheduled(new EvalRequest(x, t, null))).containsOnly(1.0);
        assertThat(DenoiserFixtures.maxAbsDiff(empirical, fromFlex)).isEqualTo(0.0);
    }

    @Test
    void shouldMatchCentralDifferenceDivergenceWithPartialMasks() {
        Dataset data = DenoiserFixtures.randomImages(new SplittableRandom(13), 12, 1, 4, 4);
        PatchFlexDenoiser flex = new PatchFlexDenoiser(DenoiserFixtures.ve(), data,
                new LevelTable(new double[] {1}, new double[] {0.4}), new GaussianHeatMaps(4, 4, 1.5), 0);
        SplittableRandom random = new SplittableRandom(14);
        INDArray x = DenoiserFixtures.gaussian(random, 3, 16, 0.8);
        INDArray t = DenoiserFixtures.column(0.7, 0.7, 0.7);

        double[] analytic = flex.evaluate(new EvalRequest(x, t, null)).divergence().toDoubleVector();

        assertThat(analytic).containsExactly(DenoiserFixtures.centralDifferenceDivergence(flex, x, t, FD_STEP), within(FD_TOL));
    }

    @Test
    void shouldGiveEachRowTheSameAnswerAloneAsInAMixedLevelBatch() {
        Dataset data = DenoiserFixtures.randomImages(new SplittableRandom(15), 10, 1, 4, 4);
        PatchFlexDenoiser flex = new PatchFlexDenoiser(DenoiserFixtures.ve(), data, PatchFlexDenoiser.pspcTau(),
                new GaussianHeatMaps(4, 4, 2), 0);
        SplittableRandom random = new SplittableRandom(16);
        INDArray x = DenoiserFixtures.gaussian(random, 12, 16, 1);
        // sigma from 0.2 to 20: tau 1, 0.7, 0.5, 0.4 and 0.3
        INDArray t = DenoiserFixtures.times(random, 12, 0.2, 20);

        INDArray batched = DenoiserFixtures.withDivergence(flex.evaluate(new EvalRequest(x, t, null)));

        assertThat(DenoiserFixtures.maxAbsDiff(DenoiserFixtures.rowByRow(flex, x, t), batched)).isLessThan(EXACT_TOL);
    }

    @Test
    void shouldRefuseHeatMapsThatLeaveAPixelOutOfEveryMask() {
        Dataset data = DenoiserFixtures.randomImages(new SplittableRandom(17), 4, 1, 2, 2);
        // every pixel's heat sits on pixel 0, so at tau < 1 no mask holds pixels 1..3
        HeatMaps corner = new HeatMaps() {
            public int height() {
                return 2;
            }

            public int width() {
                return 2;
            }

            public double[] map(int level, int pixel) {
                return new double[] {1, 0, 0, 0};
            }
        };

        assertThatThrownBy(() -> new PatchFlexDenoiser(DenoiserFixtures.ve(), data, new LevelTable(new double[] {1}, new double[] {0.5}),
                corner, 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pixel (0, 1) is in no mask");
    }

    @Test
    void shouldKeepTheHottestPixelsHoldingTauOfTheHeat() {
        // heat 0.1, 0.2, 0.3, 0.4, running sums 0.1, 0.3, 0.6, 1: a pixel stays when its running sum reaches 1 - tau
        assertThat(FlexMask.of(new double[] {1, 2, 3, 4}, 0.6)).containsExactly(2, 3);
        assertThat(FlexMask.of(new double[] {1, 2, 3, 4}, 0.75)).containsExactly(1, 2, 3);
        assertThat(FlexMask.of(new double[] {4, 3, 2, 1}, 0.95)).containsExactly(0, 1, 2, 3);
        // equal heat: the lower indices come first in the ascending order, so the higher ones stay
        assertThat(FlexMask.of(new double[] {1, 1, 1, 1}, 0.4)).containsExactly(2, 3);
        assertThat(FlexMask.of(new double[] {0, 0, 5, 0}, 1)).containsExactly(0, 1, 2, 3);
    }

    /** The oracle's points: sin(1.3 i + 0.7 k), channel-major 2 x 4 x 5. */
    private static Dataset oracleData() {
        double[][] rows = new double[N][C * H * W];
        for (int i = 0; i < N; i++) {
            for (int k = 0; k < rows[i].length; k++) {
                rows[i][k] = Math.sin(1.3 * i + 0.7 * k);
            }
        }
        return new Dataset("oracle", DenoiserFixtures.matrix(rows), null, new int[] {C, H, W});
    }

    /** The oracle's queries: 1.2 cos(0.9 r + 0.31 k). */
    private static INDArray oracleQueries() {
        double[][] rows = new double[2][C * H * W];
        for (int r = 0; r < 2; r++) {
            for (int k = 0; k < rows[r].length; k++) {
                rows[r][k] = 1.2 * Math.cos(0.9 * r + 0.31 * k);
            }
        }
        return DenoiserFixtures.matrix(rows);
    }

}
