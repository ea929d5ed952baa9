package io.diffusim.analysis.learned;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffusim.analysis.output.MetricsCsv;
import io.diffusim.config.RunSpec;
import io.diffusim.config.SpecLoader;
import io.diffusim.model.Nd4jRuntime;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A U-Net (docs/science.md §7.3b) trained and sampled as a run, with the local-denoiser comparison of §3.6 beside it:
 * the same network asked at the run's own inputs agrees with itself exactly, and the optimal empirical denoiser,
 * which recalls training images, disagrees with it more and more as the noise falls.
 */
class UnetLocalDenoiserTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void threads() {
        Nd4jRuntime.configure(2);
    }

    @Test
    void shouldSampleWithTheTrainedNetworkAndCompareTheEmpiricalDenoiserWithIt() throws IOException {
        RunSpec run = SpecLoader.parse("""
                run {
                  name = "unet-fashion"
                  seed = 0
                  particles = 8
                  batch-size = 8
                  data { kind = fashion-mnist, dir = "/usr/share/datasets/fashion-mnist", split = train, n = 64 }
                  process { kind = ve }
                  model { kind = unet, width = 4, objective = edm, checkpoint = "tiny-unet.ckpt",
                          train { steps = 40, batch-size = 16, lr = 1e-3 } }
                  sampler { kind = euler, steps = 8 }
                  analyses = [
                    { kind = denoiser-agreement, label = self,
                      model { kind = unet, width = 4, objective = edm, checkpoint = "tiny-unet.ckpt" } }
                    { kind = denoiser-agreement, label = empirical, model { kind = empirical } }
                  ]
                }
                """, dir);

        TrainedRun.of(run, dir.resolve("out"));

        List<MetricsCsv.Row> rows = MetricsCsv.read(dir.resolve("out").resolve("metrics.csv"));
        List<Double> self = values(rows, "mse-self");
        List<Double> empirical = values(rows, "mse-empirical");
        assertThat(self).hasSize(8).allSatisfy(mse -> assertThat(mse).isEqualTo(0.0));
        assertThat(empirical).hasSize(8).allSatisfy(mse -> assertThat(mse).isPositive());
        // at the last, smallest noise level the empirical denoiser returns training images the network does not
        assertThat(empirical.get(7)).isGreaterThan(empirical.get(0));
    }

    private static List<Double> values(List<MetricsCsv.Row> rows, String metric) {
        return rows.stream().filter(r -> r.metric().equals(metric)).map(MetricsCsv.Row::value).toList();
    }
}
