package io.diffusim.actors.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffusim.actors.protocol.FrontDoorCommand;
import io.diffusim.actors.protocol.FrontDoorCommand.Action;
import io.diffusim.actors.protocol.FrontDoorCommand.RunStatus;
import io.diffusim.actors.store.InMemoryRunStore;
import io.diffusim.actors.testing.Eventually;
import io.diffusim.actors.testing.LogCapture;
import io.diffusim.analysis.output.ManifestJson;
import io.diffusim.analysis.output.MetricsCsv;
import io.diffusim.analysis.output.SummaryJson;
import io.diffusim.config.ModelSpec;
import io.diffusim.config.RunSpec;
import io.diffusim.model.data.Datasets;
import io.diffusim.model.learned.LearnedModels;
import io.diffusim.model.learned.Trainer;
import io.diffusim.model.process.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs through the front door of one daemon on an in-memory store, compared with {@code bin/diffusim run}. */
class DaemonRunTest {

    @TempDir
    static Path dir;

    private static InMemoryRunStore store;
    private static DaemonFixture daemon;

    @BeforeAll
    static void start() {
        store = new InMemoryRunStore();
        daemon = DaemonFixture.start(store, dir.resolve("data"), 8);
    }

    @AfterAll
    static void stop() {
        daemon.close();
    }

    @Test
    void aDaemonRunExportsBitwiseTheSamplesOfAnInProcessRun() throws IOException {
        String spec = RunSpecs.moons(0);
        String id = daemon.submit(spec);
        RunStatus status = daemon.awaitEnd(id);
        assertThat(status.state()).isEqualTo("done");
        assertThat(status.step()).isEqualTo(20);
        assertThat(status.steps()).isEqualTo(20);
        Path out = dir.resolve("export-moons");
        assertThat(daemon.export(id, out)).isEqualTo(new FrontDoorCommand.Exported(out.toString()));
        assertThat(Files.readAllBytes(out.resolve("samples.csv")))
                .isEqualTo(RunSpecs.localSamples(spec, dir.resolve("local-moons")));
        assertThat(ManifestJson.read(out.resolve("manifest.json")).status()).isEqualTo("done");
        assertThat(SummaryJson.read(out.resolve("summary.json")).value("kl.kl"))
                .isEqualTo(SummaryJson.read(dir.resolve("local-moons/summary.json")).value("kl.kl"));
        assertThat(MetricsCsv.read(out.resolve("metrics.csv")))
                .containsExactlyElementsOf(MetricsCsv.read(dir.resolve("local-moons/metrics.csv")));
        assertThat(out.resolve("plots/samples.png")).isRegularFile();
        assertThat(store.checkpointCount()).as("checkpoints dropped once the run ended").isZero();
    }

    @Test
    void anMlpRunGivesBitwiseTheSamplesOfAnInProcessRun() throws IOException {
        Path checkpoint = dir.resolve("mlp.ckpt").toAbsolutePath();
        String spec = """
                run {
                  name = "mlp"
                  seed = 4
                  particles = 96
                  batch-size = 40
                  data { kind = moons, n = 300 }
                  process { kind = vp, timesteps = 10 }
                  model { kind = mlp, checkpoint = "%s", width = 16, blocks = 1, train { steps = 20, batch-size = 64 } }
                  sampler { kind = ddpm }
                  analyses = [ { kind = kl, k = 3 } ]
                }
                """.formatted(checkpoint);
        RunSpec run = RunSpecs.parse(spec);
        LearnedModels.trainer((ModelSpec.Mlp) run.model(), run, Datasets.from(run.data(), run.seed()),
                Processes.from(run.process())).train(Trainer.Progress.NONE).write(checkpoint);

        String id = daemon.submit(spec);
        assertThat(daemon.awaitEnd(id).state()).isEqualTo("done");
        Path out = dir.resolve("export-mlp");
        daemon.export(id, out);

        assertThat(Files.readAllBytes(out.resolve("samples.csv")))
                .isEqualTo(RunSpecs.localSamples(spec, dir.resolve("local-mlp")));
    }

    @Test
    void aPairedGmmRunGivesBitwiseTheSamplesAndPairedMetricsOfAnInProcessRun() throws IOException {
        String id = daemon.submit(RunSpecs.GMM_DDIM_PAIRED);
        assertThat(daemon.awaitEnd(id).state()).isEqualTo("done");
        Path out = dir.resolve("export-gmm");
        daemon.export(id, out);
        assertThat(Files.readAllBytes(out.resolve("samples.csv")))
                .isEqualTo(RunSpecs.localSamples(RunSpecs.GMM_DDIM_PAIRED, dir.resolve("local-gmm")));
        SummaryJson.Summary local = SummaryJson.read(dir.resolve("local-gmm/summary.json"));
        SummaryJson.Summary exported = SummaryJson.read(out.resolve("summary.json"));
        assertThat(exported.metrics()).isEqualTo(local.metrics());
    }

    @Test
    void anEqmRunWhoseBatchesStopEarlyGivesBitwiseTheSamplesAndEvaluationsOfAnInProcessRun() throws IOException {
        String id = daemon.submit(RunSpecs.EQM_ADAPTIVE);
        RunStatus done = daemon.awaitEnd(id);
        assertThat(done.state()).isEqualTo("done");
        Path out = dir.resolve("export-eqm");
        daemon.export(id, out);
        assertThat(Files.readAllBytes(out.resolve("samples.csv")))
                .isEqualTo(RunSpecs.localSamples(RunSpecs.EQM_ADAPTIVE, dir.resolve("local-eqm")));
        double nfe = SummaryJson.read(out.resolve("summary.json")).nfeMean();
        assertThat(nfe).isEqualTo(SummaryJson.read(dir.resolve("local-eqm/summary.json")).nfeMean());
        assertThat(nfe).as("particles stopped early").isLessThan(39);
        assertThat(done.step()).as("every batch stopped early").isLessThan(39);
    }

    @Test
    void anInvalidSpecIsRejectedWithEveryErrorAndTheDaemonKeepsServing() {
        FrontDoorCommand.SubmitReply reply = daemon.submitReply("""
                run {
                  particles = -3
                  data { kind = moons }
                  sampler { kind = ddim, steps = -5 }
                  bogus = 1
                }
                """);
        assertThat(reply).isInstanceOf(FrontDoorCommand.Rejected.class);
        List<String> errors = ((FrontDoorCommand.Rejected) reply).errors();
        assertThat(errors).hasSize(3);
        assertThat(errors).anyMatch(e -> e.startsWith("run.particles = -3"))
                .anyMatch(e -> e.startsWith("run.sampler.steps = -5")).anyMatch(e -> e.startsWith("run.bogus"));
        String id = daemon.submit(RunSpecs.moons(1));
        assertThat(daemon.awaitEnd(id).state()).isEqualTo("done");
    }

    @Test
    void pauseHoldsARunAtAStepAndResumeFinishesItWithTheSameSamples() throws IOException {
        String spec = RunSpecs.moons(2);
        String id = daemon.submit(spec);
        assertThat(daemon.control(id, Action.PAUSE).state()).isEqualTo("paused");
        int heldAt = daemon.await(id, s -> s.state().equals("paused")).step();
        DaemonFixture.sleep(300);
        RunStatus held = daemon.status(id);
        assertThat(held.state()).isEqualTo("paused");
        assertThat(held.step()).isLessThan(20).isGreaterThanOrEqualTo(heldAt);
        assertThat(daemon.control(id, Action.RESUME).state()).isEqualTo("running");
        assertThat(daemon.awaitEnd(id).state()).isEqualTo("done");
        Path out = dir.resolve("export-paused");
        daemon.export(id, out);
        assertThat(Files.readAllBytes(out.resolve("samples.csv")))
                .isEqualTo(RunSpecs.localSamples(spec, dir.resolve("local-paused")));
    }

    @Test
    void aDoneRunsOutputCarriesChecksumsAndADamagedFileFailsTheExportNamingIt() throws Exception {
        String spec = RunSpecs.moons(6);
        String id = daemon.submit(spec);
        assertThat(daemon.awaitEnd(id).state()).isEqualTo("done");
        Path output = dir.resolve("data").resolve("runs").resolve(id);
        Process check = new ProcessBuilder("sha256sum", "--quiet", "-c", "checksums.sha256").directory(output.toFile())
                .redirectErrorStream(true).start();
        String said = new String(check.getInputStream().readAllBytes());
        assertThat(check.waitFor()).as("sha256sum -c: " + said).isZero();
        assertThat(Files.readAllLines(output.resolve("checksums.sha256"))).anyMatch(l -> l.endsWith("  samples.csv"))
                .anyMatch(l -> l.endsWith("  plots/samples.png")).anyMatch(l -> l.endsWith("  manifest.json"));
        daemon.assertExportIsTheLocalRun(id, spec, dir.resolve("checked"));

        byte[] samples = Files.readAllBytes(output.resolve("samples.csv"));
        samples[samples.length / 2] ^= 0x5a;
        Files.write(output.resolve("samples.csv"), samples);
        assertThat(daemon.export(id, dir.resolve("export-damaged"))).isEqualTo(new FrontDoorCommand.ExportFailed(
                "samples.csv of " + output + " is damaged: its SHA-256 differs from the one written when the run ended"
                        + " (checksums.sha256)"));
    }

    @Test
    void stopEndsARunAndItCannotBeExported() throws IOException {
        String id = daemon.submit(RunSpecs.moons(4).replace("timesteps = 20", "timesteps = 1000"));
        RunStatus running = daemon.await(id, s -> s.stepsPerSecond() > 0);
        assertThat(running.secondsLeft()).as("a DDPM run knows its end").isPositive().isFinite();
        RunStatus stopping = daemon.control(id, Action.STOP);
        assertThat(stopping.state()).as("the reply comes before the batches have stopped").isEqualTo("stopping");
        RunStatus stopped = daemon.awaitEnd(id);
        assertThat(stopped.state()).isEqualTo("stopped");
        assertThat(stopped.step()).isLessThan(1000).isGreaterThanOrEqualTo(stopping.step());
        assertThat(stopped.reason()).isEqualTo("stopped on request at step " + stopped.step() + " of 1000");
        assertThat(stopped.stepsPerSecond()).as("an ended run has no pace").isNaN();
        Path manifest = dir.resolve("data").resolve("runs").resolve(id).resolve("manifest.json");
        Eventually.until(() -> Files.exists(manifest), "the stopped run's manifest.json");
        assertThat(ManifestJson.read(manifest).status()).isEqualTo("stopped");
        assertThat(daemon.controlReply(id, Action.RESUME)).as("a stopped run stays stopped")
                .isEqualTo(new FrontDoorCommand.NotApplied(stopped, "run " + id + " is stopped: nothing to resume"));
        assertThat(daemon.controlReply(id, Action.STOP))
                .isEqualTo(new FrontDoorCommand.NotApplied(stopped, "run " + id + " already ended (stopped)"));
        assertThat(daemon.export(id, dir.resolve("export-stopped")))
                .isEqualTo(new FrontDoorCommand.ExportFailed("run " + id + " is stopped; only a done run can be exported"));
    }

    @Test
    void aDivergingRunFailsWithItsStepAndParticleAndLeavesOtherRunsUntouched() throws IOException {
        String spec = RunSpecs.moons(5);
        String healthy = daemon.submit(spec);
        RunStatus failed;
        String diverging;
        try (LogCapture log = LogCapture.of(RunSupervisor.class)) {
            diverging = daemon.submit(RunSpecs.DIVERGING);
            failed = daemon.awaitEnd(diverging);
            assertThat(log.lines()).contains("WARN run " + diverging + " failed: " + failed.error());
        }
        assertThat(failed.state()).isEqualTo("failed");
        assertThat(failed.error()).matches("the run diverged at step \\d+: particle \\d+ is (NaN|-?Infinity) in some "
                + "coordinate.*");
        Path manifest = dir.resolve("data").resolve("runs").resolve(diverging).resolve("manifest.json");
        Eventually.until(() -> Files.exists(manifest), "the failed run's manifest.json");
        ManifestJson.Manifest written = ManifestJson.read(manifest);
        assertThat(written.status()).isEqualTo("failed");
        assertThat(written.error()).isEqualTo(failed.error());
        assertThat(daemon.awaitEnd(healthy).state()).isEqualTo("done");
        Path out = dir.resolve("export-healthy");
        daemon.export(healthy, out);
        assertThat(Files.readAllBytes(out.resolve("samples.csv")))
                .isEqualTo(RunSpecs.localSamples(spec, dir.resolve("local-healthy")));
    }

    @Test
    void twentyRunsSubmittedAtOnceAllFinishWithTheirOwnSamples() throws IOException {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(daemon.submit(RunSpecs.moons(10 + i % 4)));
        }
        assertThat(ids).doesNotHaveDuplicates();
        Map<Long, byte[]> expected = new HashMap<>();
        for (int i = 0; i < 20; i++) {
            assertThat(daemon.awaitEnd(ids.get(i)).state()).isEqualTo("done");
            Path out = dir.resolve("export-many-" + i);
            daemon.export(ids.get(i), out);
            long seed = 10 + i % 4;
            byte[] local = expected.computeIfAbsent(seed, s -> RunSpecs.localSamples(RunSpecs.moons(s), dir.resolve("local-many-" + s)));
            assertThat(Files.readAllBytes(out.resolve("samples.csv"))).as("run %d", i).isEqualTo(local);
        }
    }

    @Test
    void metricsArePagedByIndexInStepOrder() {
        String id = daemon.submit(RunSpecs.moons(6));
        daemon.awaitEnd(id);
        FrontDoorCommand.Metrics all = (FrontDoorCommand.Metrics) daemon.metrics(id, 0);
        assertThat(all.status().state()).isEqualTo("done");
        assertThat(all.nextIndex()).isEqualTo(all.records().size());
        List<Long> steps = all.records().stream().map(FrontDoorCommand.MetricLine::step).toList();
        assertThat(steps).isSorted();
        FrontDoorCommand.Metrics tail = (FrontDoorCommand.Metrics) daemon.metrics(id, all.nextIndex() - 2);
        assertThat(tail.records()).isEqualTo(all.records().subList(all.nextIndex() - 2, all.nextIndex()));
    }

    @Test
    void anUnknownRunIdIsAnsweredAsUnknown() {
        FrontDoorCommand.UnknownRun unknown = new FrontDoorCommand.UnknownRun("no-such-run");
        assertThat(daemon.statusReply("no-such-run")).isEqualTo(unknown);
        assertThat(daemon.export("no-such-run", dir.resolve("nothing"))).isEqualTo(unknown);
        assertThat(daemon.metrics("no-such-run", 0)).isEqualTo(unknown);
    }
}
