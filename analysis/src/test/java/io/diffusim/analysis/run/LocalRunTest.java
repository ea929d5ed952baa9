package io.diffusim.analysis.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.diffusim.analysis.output.ManifestJson;
import io.diffusim.analysis.output.MetricsCsv;
import io.diffusim.analysis.output.SummaryJson;
import io.diffusim.config.RunSpec;
import io.diffusim.config.SpecLoader;
import io.diffusim.model.Nd4jRuntime;
import io.diffusim.model.data.CsvDataset;
import io.diffusim.model.host.HostPool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;

class LocalRunTest {

    private static final double SAME_PARTICLES = 1e-9;

    @TempDir
    Path dir;

    @BeforeAll
    static void threads() {
        Nd4jRuntime.configure(2);
    }

    private static RunSpec spec(int batchSize, String analyses) {
        return SpecLoader.parse("""
                run {
                  name = "tiny"
                  seed = 7
                  particles = 96
                  batch-size = %d
                  data { kind = moons, n = 300 }
                  process { kind = vp, timesteps = 12 }
                  model { kind = empirical }
                  sampler { kind = ddpm }
                  analyses = [ %s ]
                  record-every = 3
                }
                """.formatted(batchSize, analyses), null);
    }

    private RunResult run(RunSpec spec, String name) throws IOException {
        return new LocalRun(spec, dir.resolve(name), RunProgress.NONE).run();
    }

    @Test
    void shouldWriteEveryFileOfTheOutputLayout() throws IOException {
        RunResult result = run(spec(40, "{ kind = kl, k = 3 }, { kind = nearest-neighbour }, { kind = w1, subsample = 50 },"
                + " { kind = paired, sampler { kind = ddim, steps = 12 } }"), "layout");
        Path out = result.out();
        assertThat(out.resolve("spec.conf")).content().contains("batch-size").contains("timesteps");
        assertThat(ManifestJson.read(out.resolve("manifest.json")).status()).isEqualTo("done");
        assertThat(Files.readAllLines(out.resolve("samples.csv"))).hasSize(97).first().isEqualTo("x0,x1");
        SummaryJson.Summary summary = SummaryJson.read(out.resolve("summary.json"));
        assertThat(summary.metrics()).containsKeys("kl.kl", "nearest-neighbour.mean", "nearest-neighbour.copied-fraction",
                "w1.w1", "paired.final-l2", "paired.final-cosine");
        assertThat(summary.timing()).containsKeys("wall-seconds", "particle-steps-per-second");
        assertThat(summary.nfeMean()).isEqualTo(12.0);
        List<MetricsCsv.Row> rows = MetricsCsv.read(out.resolve("metrics.csv"));
        // record-every = 3 over 12 steps: 0, 3, 6, 9 and the last step 11
        assertThat(rows.stream().filter(r -> r.metric().equals("l2")).map(MetricsCsv.Row::step))
                .containsExactly(0L, 3L, 6L, 9L, 11L);
        assertThat(out.resolve("plots/samples.png")).exists();
        assertThat(out.resolve("plots/paired.l2.png")).exists();
    }

    @Test
    void shouldGiveTheSameParticlesWhateverTheBatchSize() throws IOException {
        INDArray whole = CsvDataset.read(run(spec(96, ""), "whole").out().resolve("samples.csv"), 1000).points();
        INDArray split = CsvDataset.read(run(spec(7, ""), "split").out().resolve("samples.csv"), 1000).points();
        assertThat(split.sub(whole).norm2Number().doubleValue()).isLessThan(SAME_PARTICLES * whole.norm2Number().doubleValue());
    }

    /**
     * The fused host kernels give each particle its own pass, so the written samples are the same bytes on one thread
     * as on two: the empirical denoiser with DDPM, the exact mixture with DDIM and the EqM field with gradient descent.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "data { kind = moons, n = 300 }\nprocess { kind = vp, timesteps = 12 }\nmodel { kind = empirical }\nsampler { kind = ddpm }",
        "data { kind = gmm, n = 500, components = [ { weight = 0.4, mean = [-2, 0], cov = 0.0625 },"
                + " { weight = 0.6, mean = [1, 1], cov = [[0.3, 0.2], [0.2, 0.3]] } ] }\n"
                + "process { kind = vp, timesteps = 1000 }\nmodel { kind = gmm-exact }\n"
                + "sampler { kind = ddim, steps = 10 }",
        "data { kind = moons, n = 200 }\nprocess { kind = fm }\n"
                + "model { kind = eqm-empirical, c = truncated, a = 0.8, lambda = 4, grid = 16 }\n"
                + "sampler { kind = eqm-gd, step-size = 0.0017, max-steps = 15, stop-gradient-norm = 0.5 }"})
    void shouldWriteTheSameSamplesOnOneHostThreadAsOnTwo(String job) throws IOException {
        RunSpec spec = SpecLoader.parse("""
                run {
                  name = "threads"
                  seed = 11
                  particles = 70
                  batch-size = 70
                  %s
                  analyses = []
                }
                """.formatted(job), null);
        try {
            HostPool.setDefaultThreads(1);
            byte[] one = Files.readAllBytes(run(spec, "one").out().resolve("samples.csv"));
            HostPool.setDefaultThreads(2);
            byte[] two = Files.readAllBytes(run(spec, "two").out().resolve("samples.csv"));
            assertThat(two).isEqualTo(one);
            assertThat(new String(one, StandardCharsets.US_ASCII).lines()).hasSize(71);
        } finally {
            HostPool.setDefaultThreads(Nd4jRuntime.configuredThreads());
        }
    }

    @Test
    void shouldPairARunWithItselfAtZeroDistance() throws IOException {
        RunResult result = run(spec(32, "{ kind = paired, sampler { kind = ddpm } }, "
                + "{ kind = denoiser-agreement, model { kind = empirical } }"), "self");
        assertThat(result.metrics().get("paired.final-l2")).isZero();
        assertThat(result.metrics().get("paired.final-cosine")).isCloseTo(1.0, within(1e-12));
        assertThat(result.metrics().get("denoiser-agreement.mse")).isZero();
    }

    @Test
    void shouldMeasureDisagreementWithAnotherDenoiser() throws IOException {
        RunResult result = run(spec(48, "{ kind = denoiser-agreement, model { kind = wiener } }"), "wiener");
        // The Gaussian (Wiener) denoiser cannot follow the two moons: its clean-point estimates differ.
        assertThat(result.metrics().get("denoiser-agreement.mse")).isGreaterThan(1e-3);
    }

    @Test
    void shouldTrackTheNoiseLevelPosteriorAlongThePath() throws IOException {
        RunResult result = run(spec(96, "{ kind = noise-posterior, grid = 200, refine-grid = 201 }"), "posterior");
        List<MetricsCsv.Row> means = MetricsCsv.read(result.out().resolve("metrics.csv")).stream()
                .filter(r -> r.metric().equals("t-mean")).toList();
        assertThat(means).isNotEmpty();
        // E[t | x_t] follows the schedule: at the first step (t = 11 of 0..11) it is far above the last record's.
        assertThat(means.get(0).value()).isGreaterThan(means.get(means.size() - 1).value());
        assertThat(result.metrics().get("noise-posterior.var-t")).isPositive();
    }

    @Test
    void shouldFindTheScheduleDeviationOfAFewStepSamplerAboveThatOfAFineOne() throws IOException {
        // the exact mixture's own DDIM samples: with 4 steps they are contracted (science §8 K5-K6), so the model's
        // field no longer transports them, which is what the deviation measures
        String gmm = """
                run {
                  seed = 3, particles = 512, batch-size = 512
                  data { kind = gmm, components = [ { weight = 0.3, mean = [-2], cov = 0.0625 }, { weight = 0.7, mean = [2], cov = 0.0625 } ] }
                  process { kind = vp, timesteps = 1000 }
                  model { kind = gmm-exact }
                  sampler { kind = ddim, steps = %d }
                  analyses = [ { kind = schedule-deviation, kde-samples = 512, probes = 4 } ]
                }
                """;
        RunResult coarse = run(SpecLoader.parse(gmm.formatted(4), null), "sd-coarse");
        RunResult fine = run(SpecLoader.parse(gmm.formatted(200), null), "sd-fine");
        List<MetricsCsv.Row> levels = MetricsCsv.read(coarse.out().resolve("metrics.csv")).stream()
                .filter(r -> r.metric().equals("si")).toList();
        assertThat(levels).hasSize(9).allSatisfy(r -> assertThat(r.value()).isFinite().isNotNegative());
        // T = 1000 reaches sigma = 158, above the reference's top level of 35; its first step, beta_0 = 1e-4, has
        // sigma = sqrt(beta_0 / (1 - beta_0)), just above the reference's bottom level of 0.01
        assertThat(levels.get(0).t()).isCloseTo(35, within(1e-12));
        assertThat(levels.get(8).t()).isCloseTo(Math.sqrt(1e-4 / (1 - 1e-4)), within(1e-12));
        System.out.printf("SD of gmm-exact with DDIM: 4 steps %.4f, 200 steps %.4f%n",
                coarse.metrics().get("schedule-deviation.sd"), fine.metrics().get("schedule-deviation.sd"));
        assertThat(coarse.metrics().get("schedule-deviation.sd"))
                .isGreaterThan(1.5 * fine.metrics().get("schedule-deviation.sd"));
        assertThat(fine.metrics()).containsKeys("schedule-deviation.sd-middle", "schedule-deviation.sd-schedule-integral");
    }
}
