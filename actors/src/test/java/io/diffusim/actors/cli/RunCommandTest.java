package io.diffusim.actors.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffusim.analysis.output.ManifestJson;
import io.diffusim.analysis.output.MetricsCsv;
import io.diffusim.analysis.output.SummaryJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run SPEC --out DIR} (docs/user-guide.md): the in-process run and its output directory. */
class RunCommandTest {

    @TempDir
    Path dir;

    @Test
    void shouldWriteTheOutputDirectoryAndPrintTheSummary() throws IOException {
        Path spec = SpecFiles.write(dir, "tiny.conf", """
                run {
                  name = "tiny"
                  particles = 64
                  batch-size = 16
                  data { kind = moons, n = 200 }
                  process { kind = vp, timesteps = 10 }
                  model { kind = empirical }
                  sampler { kind = ddpm }
                  analyses = [ { kind = kl, k = 3 }, { kind = nearest-neighbour } ]
                  record-every = 2
                }
                """);
        Path out = dir.resolve("out");
        Cli result = Cli.run("run", spec.toString(), "--out", out.toString());
        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.OK);
        assertThat(result.out()).contains("kl.kl", "nearest-neighbour.mean", out.toAbsolutePath().toString());
        assertThat(result.err()).contains("step 10/10").doesNotContain("diffusim:");
        assertThat(out.resolve("spec.conf")).content().contains("batch-size = 16").contains("timesteps = 10");
        assertThat(ManifestJson.read(out.resolve("manifest.json")).status()).isEqualTo("done");
        assertThat(Files.readAllLines(out.resolve("samples.csv"))).hasSize(65).first().isEqualTo("x0,x1");
        // kl is measured once, on the final samples
        assertThat(MetricsCsv.read(out.resolve("metrics.csv"))).anyMatch(r -> r.analysis().equals("kl"));
        SummaryJson.Summary summary = SummaryJson.read(out.resolve("summary.json"));
        assertThat(summary.metrics().get("kl.kl")).isFinite();
        assertThat(summary.nfeMean()).isEqualTo(10.0);
        assertThat(out.resolve("plots/samples.png")).isNotEmptyFile();
    }
}
