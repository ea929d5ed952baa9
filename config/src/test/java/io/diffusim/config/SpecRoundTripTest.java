package io.diffusim.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code SpecLoader.parse(SpecRenderer.render(spec))} gives back {@code spec}, for every variant. */
class SpecRoundTripTest {

    private static final String RICH = "run {\n"
            + "  name = \"moons-ddpm.v2\", seed = 9007199254740993, particles = 123, batch-size = 7\n"
            + "  data { kind = gmm, n = 5000, subset { part = 1, of = 3 }, components = [\n"
            + "    { weight = 0.3, mean = [-2, 0.1], cov = 0.0625 }\n"
            + "    { weight = 0.7, mean = [2, 1e-7], cov = [0.1, 0.2] }\n"
            + "    { weight = 0.5, mean = [0, 0], cov = [[2, 0.5], [0.5, 1]] } ] }\n"
            + "  process { kind = vp, schedule = log-linear, sigma-min = 0.01, sigma-max = 35, levels = 512 }\n"
            + "  model { kind = gmm-exact }\n"
            + "  sampler { kind = ddpm, clip-x0 = true, guidance { kind = smoothed, scale = 0.3, subsample = 10 } }\n"
            + "  analyses = [\n"
            + "    { kind = kl, k = 3, base = 2.718281828459045 }\n"
            + "    { kind = noise-posterior, t-lo = 0, t-hi = 99, prior = uniform }\n"
            + "    { kind = paired, model { kind = mlp, noise-conditional = false, checkpoint = \"ckpt/a.bin\", train { eqm { c = piecewise, b = 1.4 } } } }\n"
            + "    { kind = denoiser-agreement, model { kind = empirical-unconditional, grid = 100 } }\n"
            + "    { kind = schedule-deviation, divergence = exact-trace }\n"
            + "    { kind = nearest-neighbour }\n"
            + "    { kind = w1, subsample = 64 }\n"
            + "  ]\n"
            + "  record-every = 2, checkpoint-every = 50\n"
            + "}\n";

    @Test
    void shouldRoundTripARichSpec() {
        RunSpec spec = SpecTexts.parse(RICH);

        assertThat(SpecTexts.parse(SpecRenderer.render(spec))).isEqualTo(spec);
    }

    @Test
    void shouldRenderEveryDefaultSoThatRenderingIsStable() {
        String once = SpecRenderer.render(SpecTexts.parse(RICH));

        assertThat(SpecRenderer.render(SpecTexts.parse(once))).isEqualTo(once);
    }

    static Stream<Arguments> variants() {
        return SpecDefaultsTest.variants();
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("variants")
    void shouldRoundTripEveryVariant(String table, String word) {
        RunSpec spec = SpecTexts.parse(VariantSpecs.selecting(table, word));

        assertThat(SpecTexts.parse(SpecRenderer.render(spec))).isEqualTo(spec);
    }

    @Test
    void shouldRoundTripUnboundedChurnAsNull() {
        RunSpec spec = SpecTexts.parse("run { data { kind = moons }, process { kind = ve }, sampler { kind = heun, s-churn = 40, s-min = 0.05 } }");

        assertThat(((SamplerSpec.Heun) spec.sampler()).churn().sMax()).isInfinite();
        assertThat(SpecRenderer.render(spec)).contains("s-max = null");
        assertThat(SpecTexts.parse(SpecRenderer.render(spec))).isEqualTo(spec);
    }

    @Test
    void shouldResolveRelativePathsAgainstTheSpecFile(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("runs"));
        Path file = Files.writeString(dir.resolve("runs/spec.conf"),
                "run { data { kind = csv, path = \"../data/points.csv\" }, model { kind = onnx, path = \"/models/m.onnx\" } }");

        RunSpec spec = SpecLoader.load(file);

        assertThat(((DataSpec.Csv) spec.data()).path()).isEqualTo(dir.resolve("data/points.csv").toAbsolutePath().normalize());
        assertThat(((ModelSpec.Onnx) spec.model()).path()).isEqualTo(Path.of("/models/m.onnx"));
        assertThat(SpecLoader.parse(SpecRenderer.render(spec), Path.of("/elsewhere"))).isEqualTo(spec);
    }
}
