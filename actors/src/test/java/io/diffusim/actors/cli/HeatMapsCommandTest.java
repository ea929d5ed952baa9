package io.diffusim.actors.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffusim.model.data.DataFiles;
import io.diffusim.model.data.NpyFile;
import io.diffusim.model.denoise.FileHeatMaps;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code heat-maps SPEC --out FILE}: PSPC-Flex heat maps from a trained unet, in the form patch-flex reads. */
class HeatMapsCommandTest {

    private static final String SPEC = """
            run {
              name = "tiny-unet"
              data { kind = fashion-mnist, dir = "/usr/share/datasets/fashion-mnist", split = train, n = 16 }
              process { kind = ve }
              sampler { kind = euler, steps = 4 }
              model { kind = unet, width = 2, objective = edm, checkpoint = "tiny-unet.ckpt",
                      train { steps = 5, batch-size = 8 } }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void shouldWriteTheHeatMapsOfTheTrainedNetworkThatPatchFlexReads() throws IOException {
        Path spec = SpecFiles.write(dir, "unet.conf", SPEC);
        Cli train = Cli.run("train", spec.toString());
        assertThat(train.exitCode()).as(train.err()).isEqualTo(ExitCode.OK);
        Path out = dir.resolve("heat.npy");

        Cli heat = Cli.run("heat-maps", spec.toString(), "--out", out.toString(), "--sigmas", "2.0,0.5",
                "--samples", "1");

        assertThat(heat.exitCode()).as(heat.err()).isEqualTo(ExitCode.OK);
        assertThat(heat.err()).contains("level 2/2");
        assertThat(heat.out()).contains("2 levels of 28x28 maps, 1 samples each");
        NpyFile.Array array = NpyFile.read(out, Long.MAX_VALUE, DataFiles.anywhere());
        assertThat(array.shape()).containsExactly(2, 28, 28, 28, 28);
        assertThat(Arrays.stream(array.values()).allMatch(v -> v >= 0 && Double.isFinite(v))).isTrue();
        // every map holds its own pixel at least: the denoised estimate's skip term
        assertThat(FileHeatMaps.read(out, 28, 28, 2).map(1, 100)[100]).isPositive();
    }

    @Test
    void shouldRefuseAModelThatIsNotAUnet() throws IOException {
        Path spec = SpecFiles.write(dir, "empirical.conf", SPEC.replaceAll("model \\{[^}]*} }", "model { kind = empirical }"));

        Cli heat = Cli.run("heat-maps", spec.toString(), "--out", dir.resolve("h.npy").toString());

        assertThat(heat.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(heat.err()).contains("model.kind = empirical: heat-maps needs a trained model.kind = unet");
    }
}
