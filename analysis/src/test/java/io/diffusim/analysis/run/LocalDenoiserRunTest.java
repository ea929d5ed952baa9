package io.diffusim.analysis.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffusim.analysis.output.MetricsCsv;
import io.diffusim.analysis.output.SummaryJson;
import io.diffusim.config.RunSpec;
import io.diffusim.config.SpecLoader;
import io.diffusim.model.Nd4jRuntime;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A PSPC-Square run on a folder of RGB PNGs: each step's P in the metrics, agreements by label and by noise level. */
class LocalDenoiserRunTest {

    /** Two float64 routes to the same posterior mean (fused host kernel vs ND4J) differ by ~1e-16 per coordinate. */
    private static final double SAME_DENOISER_MSE = 1e-24;

    @TempDir
    Path dir;

    @BeforeAll
    static void threads() {
        Nd4jRuntime.configure(2);
    }

    @Test
    void shouldRecordThePatchOfEveryStepAndCompareWithTwoModels() throws IOException {
        Path images = Files.createDirectory(dir.resolve("images"));
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 10; i++) {
            BufferedImage image = new BufferedImage(6, 6, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 6; y++) {
                for (int x = 0; x < 6; x++) {
                    image.setRGB(x, y, random.nextInt(1 << 24));
                }
            }
            ImageIO.write(image, "png", images.resolve("img" + i + ".png").toFile());
        }
        RunSpec spec = SpecLoader.parse("""
                run {
                  particles = 8
                  batch-size = 8
                  data { kind = png, dir = "images", n = 10 }
                  process { kind = ve }
                  model { kind = patch-empirical, patch-schedule = pspc, flip = true }
                  sampler { kind = euler, steps = 6 }
                  analyses = [
                    { kind = denoiser-agreement, label = empirical, model { kind = empirical, flip = true } }
                    { kind = denoiser-agreement, label = wiener, model { kind = wiener, flip = true } }
                  ]
                }
                """, dir);

        Path out = new LocalRun(spec, dir.resolve("run"), RunProgress.NONE).run().out();

        List<MetricsCsv.Row> rows = MetricsCsv.read(out.resolve("metrics.csv"));
        List<MetricsCsv.Row> patches = rows.stream().filter(r -> r.analysis().equals("patch-schedule")).toList();
        assertThat(patches).extracting(MetricsCsv.Row::metric).containsOnly("patch");
        // the 6-step EDM grid 80, 24.4, 5.84, 0.965, 0.0851, 0.002 is nearest to the table's 32, 32, 23, 7, 3, 3:
        // on 6x6 images 32 is the whole image and 23 and 7 are clamped to the side
        assertThat(patches).extracting(MetricsCsv.Row::value).containsExactly(6.0, 6.0, 6.0, 6.0, 3.0, 3.0);
        List<MetricsCsv.Row> empirical = rows.stream().filter(r -> r.metric().equals("mse-empirical")).toList();
        // where P is the whole image PSPC-Square is the empirical denoiser; the Gaussian model is another one
        assertThat(empirical.subList(0, 4)).allSatisfy(r -> assertThat(r.value()).isLessThan(SAME_DENOISER_MSE));
        assertThat(rows.stream().filter(r -> r.metric().equals("mse-wiener")).mapToDouble(MetricsCsv.Row::value).max().orElseThrow())
                .isGreaterThan(1e-3);
        SummaryJson.Summary summary = SummaryJson.read(out.resolve("summary.json"));
        assertThat(summary.metrics()).containsKeys("denoiser-agreement.mse-empirical", "denoiser-agreement.mse-wiener")
                .doesNotContainKey("patch-schedule.patch");
        assertThat(out.resolve("plots/denoiser-agreement.png")).exists();
        assertThat(out.resolve("plots/samples.png")).exists();
        // the samples are drawn in colour: some pixel has red != green
        BufferedImage grid = ImageIO.read(out.resolve("plots/samples.png").toFile());
        boolean colour = false;
        for (int y = 0; y < grid.getHeight() && !colour; y++) {
            for (int x = 0; x < grid.getWidth() && !colour; x++) {
                int rgb = grid.getRGB(x, y);
                colour = ((rgb >> 16) & 0xff) != ((rgb >> 8) & 0xff);
            }
        }
        assertThat(colour).isTrue();
    }
}
