package io.diffusim.actors.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffusim.analysis.output.ManifestJson;
import io.diffusim.analysis.output.SummaryJson;
import io.diffusim.config.SpecLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped examples are valid as they stand, and {@code demo} meets its promise (issue: kl.kl < 0.3 bits) on the
 * daemon it starts in-process, exporting the docs/user-guide.md layout; its network, trained once per data directory,
 * copies few training points where the empirical denoiser copies most.
 */
class ExamplesTest {

    private static final double DEMO_KL_BITS = 0.3;
    private static final Path EXAMPLES = Path.of(System.getProperty("diffusim.root", ".."), "examples");

    @TempDir
    Path dir;

    @Test
    void shouldValidateEveryExampleAsItStands() throws IOException {
        List<Path> specs;
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            specs = files.filter(f -> f.toString().endsWith(".conf")).sorted().toList();
        }
        assertThat(specs).extracting(p -> p.getFileName().toString())
                .contains("demo.conf", "gmm-ddim.conf", "eqm-gd.conf", "fashion-posterior.conf");
        for (Path spec : specs) {
            SpecLoader.load(spec);
            assertThat(Cli.run("validate", spec.toString()).exitCode()).as(spec.toString()).isZero();
        }
    }

    @Test
    void shouldRunTheDemoOnTenThousandParticlesBelowTheKlPromise() throws IOException {
        Path out = dir.resolve("demo");
        Path data = dir.resolve("data");
        Cli cli = Cli.run("demo", "--exit-when-done", "--out", out.toString(), "--data-dir", data.toString());
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.err()).startsWith("diffusim demo: daemon on 127.0.0.1:").contains("step 100/100")
                .contains("diffusim demo: watch it live at http://127.0.0.1:");
        assertThat(data.resolve("daemon.json")).as("removed when the demo's daemon stopped").doesNotExist();
        assertThat(SpecLoader.load(out.resolve("spec.conf")).particles()).isEqualTo(10_000);
        SummaryJson.Summary summary = SummaryJson.read(out.resolve("summary.json"));
        assertThat(summary.metrics().get("kl.kl")).isLessThan(DEMO_KL_BITS);
        assertThat(ManifestJson.read(out.resolve("manifest.json")).status()).isEqualTo("done");
        assertThat(Files.readAllLines(out.resolve("samples.csv"))).hasSize(10_001);
        assertThat(out.resolve("metrics.csv")).isNotEmptyFile();
        assertThat(out.resolve("plots/samples.png")).isNotEmptyFile();
        assertThat(cli.out()).contains("kl.kl").contains("outputs: " + out.toAbsolutePath());

        // the network trained on the same 2,000 points, sampled on the same noise: it does not copy them
        assertThat(cli.err()).contains("diffusim demo: training the network");
        SummaryJson.Summary network = SummaryJson.read(out.resolve("mlp/summary.json"));
        assertThat(summary.metrics().get("nearest-neighbour.copied-fraction")).isGreaterThan(0.5);
        assertThat(network.metrics().get("nearest-neighbour.copied-fraction")).isLessThan(0.2);
        assertThat(cli.out()).contains("same noise, same 2,000 training points").contains("network");

        Cli again = Cli.run("demo", "--exit-when-done", "--out", dir.resolve("again").toString(), "--data-dir",
                data.toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.err()).contains("using the network demo-moons-mlp trained by an earlier demo")
                .doesNotContain("training the network");
        assertThat(Files.readAllBytes(dir.resolve("again/mlp/samples.csv")))
                .isEqualTo(Files.readAllBytes(out.resolve("mlp/samples.csv")));
    }
}
