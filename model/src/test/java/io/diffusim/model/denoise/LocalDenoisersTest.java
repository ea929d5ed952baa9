package io.diffusim.model.denoise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.diffusim.config.RunSpec;
import io.diffusim.config.SpecLoader;
import io.diffusim.model.data.DataFormatException;
import io.diffusim.model.data.Dataset;
import io.diffusim.model.data.Datasets;
import io.diffusim.model.data.NpyFiles;
import io.diffusim.model.process.Processes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The local denoisers and Wiener flips built from specs over image files other than Fashion-MNIST (docs/science.md §3.3, §3.6). */
class LocalDenoisersTest {

    private static final double EXACT_TOL = 1e-12;
    private static final int N = 12;
    private static final int C = 3;
    private static final int H = 6;
    private static final int W = 6;
    private static final int D = C * H * W;

    @TempDir
    Path dir;

    @Test
    void shouldScheduleThePatchOfAnyImageSetByNoiseLevel() throws IOException {
        RunSpec run = spec("model { kind = patch-empirical, patch-schedule = pspc }");
        ScheduledDenoiser patch = (ScheduledDenoiser) build(run);

        // 6x6 images: the paper's 32 is the whole image, 7 is clamped to 6, then 5 and 3
        double[] sigmas = {80, 5.3152, 1.0882, 0.58535, 0.002};
        double[] sizes = patch.scheduled(new EvalRequest(queries(sigmas.length), DenoiserFixtures.column(sigmas), null));

        assertThat(patch.scheduleMetric()).isEqualTo("patch");
        assertThat(sizes).containsExactly(6, 6, 6, 5, 3);
    }

    @Test
    void shouldRefuseAPatchLargerThanTheImagesOfAFile() throws IOException {
        RunSpec run = spec("model { kind = patch-empirical, patch = 7 }");

        assertThatThrownBy(() -> build(run)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("model.patch = 7 is larger than the image side 6");
    }

    @Test
    void shouldFitTheWienerDenoiserOnTheMirroredSetWhenFlipped() throws IOException {
        RunSpec flipped = spec("model { kind = wiener, flip = true }");
        WienerDenoiser wiener = (WienerDenoiser) build(flipped);
        Dataset data = Datasets.from(flipped.data(), flipped.seed());
        INDArray augmentedMean = HorizontalFlip.augment(data).points().mean(true, 0);
        INDArray x = queries(3);
        INDArray t = DenoiserFixtures.column(0.5, 0.5, 0.5);

        INDArray x0 = wiener.evaluate(new EvalRequest(x, t, null)).x0();
        INDArray x0OfMirror = wiener.evaluate(new EvalRequest(HorizontalFlip.augment(x, data.imageShape()).getRows(3, 4, 5), t, null)).x0();

        assertThat(DenoiserFixtures.maxAbsDiff(augmentedMean, wiener.mean())).isLessThan(EXACT_TOL);
        // a Gaussian fitted on a mirror-symmetric set commutes with the mirror
        INDArray mirroredX0 = HorizontalFlip.augment(x0, data.imageShape()).getRows(3, 4, 5);
        assertThat(DenoiserFixtures.maxAbsDiff(mirroredX0, x0OfMirror)).isLessThan(1e-10);
    }

    @Test
    void shouldRefuseAWienerRankAboveTheDimension() throws IOException {
        RunSpec run = spec("model { kind = wiener, rank = " + (D + 1) + " }");

        assertThatThrownBy(() -> build(run)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("model.rank = " + (D + 1) + " is larger than the data dimension " + D + " (0 keeps every eigenpair)");
    }

    @Test
    void shouldGiveTheSameFlexCompositeFromAHeatMapFileAsFromTheGaussiansItHolds() throws IOException {
        GaussianHeatMaps gaussian = new GaussianHeatMaps(H, W, 1.5);
        double[] perLevel = new double[LevelTable.PSPC_LEVELS * H * W * H * W];
        double[] shared = new double[H * W * H * W];
        for (int p = 0; p < H * W; p++) {
            System.arraycopy(gaussian.map(0, p), 0, shared, p * H * W, H * W);
        }
        for (int level = 0; level < LevelTable.PSPC_LEVELS; level++) {
            System.arraycopy(shared, 0, perLevel, level * shared.length, shared.length);
        }
        NpyFiles.writeDoubles(dir.resolve("levels.npy"), new int[] {LevelTable.PSPC_LEVELS, H, W, H, W}, perLevel);
        NpyFiles.writeDoubles(dir.resolve("shared.npy"), new int[] {H, W, H, W}, shared);
        INDArray x = queries(4);
        // sigma 3.26, 0.59, 0.06: tau 0.7, 0.4, 0.3
        INDArray t = DenoiserFixtures.column(3.2568, 0.58535, 0.059947, 3.2568);

        INDArray fromGaussian = build(spec("model { kind = patch-flex, heat-std = 1.5 }")).evaluate(new EvalRequest(x, t, null)).x0();
        INDArray fromLevels = build(spec("model { kind = patch-flex, heat-maps = \"levels.npy\" }")).evaluate(new EvalRequest(x, t, null)).x0();
        INDArray fromShared = build(spec("model { kind = patch-flex, heat-maps = \"shared.npy\" }")).evaluate(new EvalRequest(x, t, null)).x0();

        assertThat(DenoiserFixtures.maxAbsDiff(fromGaussian, fromLevels)).isEqualTo(0.0);
        assertThat(DenoiserFixtures.maxAbsDiff(fromGaussian, fromShared)).isEqualTo(0.0);
    }

    @Test
    void shouldNameTheHeatMapFileOfAWrongShapeOrValue() throws IOException {
        double[] negative = new double[H * W * H * W];
        Arrays.fill(negative, 1);
        negative[5] = -1;
        double[] zeroMap = new double[H * W * H * W];
        Arrays.fill(zeroMap, H * W, zeroMap.length, 1);
        NpyFiles.writeDoubles(dir.resolve("shape.npy"), new int[] {H, W, H}, new double[H * W * H]);
        NpyFiles.writeDoubles(dir.resolve("negative.npy"), new int[] {H, W, H, W}, negative);
        NpyFiles.writeDoubles(dir.resolve("zero.npy"), new int[] {H, W, H, W}, zeroMap);

        assertThatThrownBy(() -> build(spec("model { kind = patch-flex, heat-maps = \"shape.npy\" }")))
                .isInstanceOf(DataFormatException.class).hasMessageContaining("shape.npy")
                .hasMessageContaining("expected [18, 6, 6, 6, 6] (one set per tau entry) or [6, 6, 6, 6]");
        assertThatThrownBy(() -> build(spec("model { kind = patch-flex, heat-maps = \"negative.npy\" }")))
                .hasMessageContaining("value 5 is -1.0; heat must be finite and >= 0");
        assertThatThrownBy(() -> build(spec("model { kind = patch-flex, heat-maps = \"zero.npy\" }")))
                .hasMessageContaining("the map of pixel (0, 0) at level 0 is all zero");
    }

    @Test
    void shouldMakePatchFlexAtTauOneTheFlippedEmpiricalDenoiser() throws IOException {
        INDArray x = queries(3);
        INDArray t = DenoiserFixtures.column(40, 40, 40);

        INDArray flex = build(spec("model { kind = patch-flex, flip = true }")).evaluate(new EvalRequest(x, t, null)).x0();
        INDArray empirical = build(spec("model { kind = empirical, flip = true }")).evaluate(new EvalRequest(x, t, null)).x0();

        // the run's empirical model is the fused host kernel: the same sums in another order
        assertThat(DenoiserFixtures.maxAbsDiff(empirical, flex)).isLessThan(EXACT_TOL);
    }

    /** A spec over an .npy file of N random RGB 6x6 images (channels last, as image files store them). */
    private RunSpec spec(String model) throws IOException {
        Path file = dir.resolve("images.npy");
        if (!file.toFile().exists()) {
            SplittableRandom random = new SplittableRandom(3);
            double[] values = new double[N * D];
            for (int i = 0; i < values.length; i++) {
                values[i] = 2 * random.nextDouble() - 1;
            }
            NpyFiles.writeDoubles(file, new int[] {N, H, W, C}, values);
        }
        return SpecLoader.parse("run { data { kind = npy, path = \"images.npy\", layout = nhwc, n = " + N + " }, process { kind = ve },"
                + " sampler { kind = euler }, " + model + " }", dir);
    }

    private static Denoiser build(RunSpec run) {
        return Denoisers.from(run.model(), run, Datasets.from(run.data(), run.seed()), Processes.from(run.process()));
    }

    private static INDArray queries(int rows) {
        return DenoiserFixtures.gaussian(new SplittableRandom(9), rows, D, 1);
    }
}
