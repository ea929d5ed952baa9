package io.diffusim.actors.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffusim.actors.store.InMemoryRunStore;
import io.diffusim.actors.store.MetricRecord;
import io.diffusim.actors.store.RunRecord;
import io.diffusim.actors.store.SamplerStates;
import io.diffusim.analysis.output.MetricsCsv;
import io.diffusim.analysis.output.SummaryJson;
import io.diffusim.analysis.run.ParticleBatches;
import io.diffusim.analysis.run.RunParts;
import io.diffusim.analysis.run.StepDriver;
import io.diffusim.config.SpecRenderer;
import io.diffusim.sampling.NoiseSource;
import io.diffusim.sampling.SamplerState;
import io.diffusim.sampling.noise.CounterNoise;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A daemon started on a store with an unfinished run resumes it from its checkpoints to the uninterrupted bits. */
class ResumeTest {

    private static final int RESUME_STEP = 10;

    @TempDir
    Path dir;

    @Test
    void aRunResumedFromCheckpointsAtStepKGivesTheSamplesOfAnUninterruptedRun() throws IOException {
        String spec = RunSpecs.moons(7);
        InMemoryRunStore store = checkpointedAt(spec, "moons-resumed", RESUME_STEP);
        MetricRecord before = new MetricRecord("earlier", "kept", RESUME_STEP - 1, 0.5, 1.25);
        MetricRecord stale = new MetricRecord("kl", "kl", 20, Double.NaN, 999.0);
        store.putMetric("moons-resumed", 0, before);
        store.putMetric("moons-resumed", 1_000, stale);

        try (DaemonFixture daemon = DaemonFixture.start(store, dir.resolve("data"), 8)) {
            assertThat(daemon.awaitEnd("moons-resumed").state()).isEqualTo("done");
            Path out = dir.resolve("export");
            daemon.export("moons-resumed", out);
            assertThat(Files.readAllBytes(out.resolve("samples.csv")))
                    .isEqualTo(RunSpecs.localSamples(spec, dir.resolve("local")));
            List<MetricsCsv.Row> local = MetricsCsv.read(dir.resolve("local/metrics.csv"));
            MetricsCsv.Row localKl = local.stream().filter(r -> r.analysis().equals("kl")).findFirst().orElseThrow();
            assertThat(store.metrics("moons-resumed")).contains(before).doesNotContain(stale)
                    .contains(new MetricRecord("kl", "kl", 20, localKl.t(), localKl.value()));
            assertThat(MetricsCsv.read(out.resolve("metrics.csv")))
                    .contains(new MetricsCsv.Row("earlier", "kept", RESUME_STEP - 1, 0.5, 1.25), localKl);
        }
    }

    @Test
    void aResumedPairedRunContinuesItsPairedTrajectoriesInLockStep() throws IOException {
        InMemoryRunStore store = checkpointedAt(RunSpecs.GMM_DDIM_PAIRED, "paired-resumed", 4);
        try (DaemonFixture daemon = DaemonFixture.start(store, dir.resolve("data"), 8)) {
            assertThat(daemon.awaitEnd("paired-resumed").state()).isEqualTo("done");
            Path out = dir.resolve("export");
            daemon.export("paired-resumed", out);
            assertThat(Files.readAllBytes(out.resolve("samples.csv")))
                    .isEqualTo(RunSpecs.localSamples(RunSpecs.GMM_DDIM_PAIRED, dir.resolve("local")));
            // the end points of the paired trajectories: only right if they were retaken in lock-step
            SummaryJson.Summary local = SummaryJson.read(dir.resolve("local/summary.json"));
            SummaryJson.Summary resumed = SummaryJson.read(out.resolve("summary.json"));
            for (String key : List.of("paired.final-l2", "paired.final-cosine", "w1.w1")) {
                assertThat(resumed.value(key)).as(key).isEqualTo(local.value(key));
            }
            List<MetricsCsv.Row> afterResume = MetricsCsv.read(dir.resolve("local/metrics.csv")).stream()
                    .filter(r -> r.step() >= 4).toList();
            assertThat(afterResume).anyMatch(r -> r.analysis().equals("paired") && r.metric().equals("l2"));
            assertThat(MetricsCsv.read(out.resolve("metrics.csv"))).containsExactlyInAnyOrderElementsOf(afterResume);
        }
    }

    /** A store holding run {@code id} of {@code spec} as a daemon killed after step k left it: running, checkpointed. */
    private static InMemoryRunStore checkpointedAt(String spec, String id, int k) {
        RunParts parts = RunSpecs.parts(spec);
        NoiseSource noise = new CounterNoise(parts.spec().seed());
        InMemoryRunStore store = new InMemoryRunStore();
        List<long[]> batches = ParticleBatches.split(parts.spec().particles(), parts.spec().batchSize());
        for (int b = 0; b < batches.size(); b++) {
            SamplerState state = parts.sampler().start(batches.get(b), noise);
            for (int step = 0; step < k; step++) {
                state = StepDriver.step(parts.sampler(), parts.denoiser(), state, noise, new ArrayList<>());
            }
            store.putCheckpoint(id, b, SamplerStates.of(state));
        }
        store.putRun(new RunRecord(id, SpecRenderer.render(parts.spec()), "running", k, parts.sampler().steps(), 1L, null));
        return store;
    }

    @Test
    void aDaemonStoppedMidRunResumesTheRunOnRestartToTheUninterruptedOutput() throws IOException {
        String spec = RunSpecs.moons(8).replace("timesteps = 20", "timesteps = 120").replace("{ kind = nearest-neighbour } ]",
                "{ kind = nearest-neighbour }, { kind = denoiser-agreement, model { kind = wiener } } ]");
        InMemoryRunStore store = new InMemoryRunStore();
        String id;
        try (DaemonFixture first = DaemonFixture.start(store, dir.resolve("data"), 8)) {
            id = first.submit(spec);
            first.await(id, s -> s.step() >= 40);
        }
        RunRecord interrupted = store.run(id).orElseThrow();
        assertThat(interrupted.state()).isEqualTo("running");
        assertThat(interrupted.step()).isBetween(40, 119);
        assertThat(store.checkpointCount()).isEqualTo(4);
        try (DaemonFixture second = DaemonFixture.start(store, dir.resolve("data"), 8)) {
            assertThat(second.awaitEnd(id).state()).isEqualTo("done");
            Path out = second.assertExportIsTheLocalRun(id, spec, dir);
            // a mean over the whole path: right only if the steps before the resume count too
            SummaryJson.Summary local = SummaryJson.read(dir.resolve("local/summary.json"));
            SummaryJson.Summary resumed = SummaryJson.read(out.resolve("summary.json"));
            for (String key : List.of("denoiser-agreement.mse", "kl.kl", "nearest-neighbour.copied-fraction")) {
                assertThat(resumed.value(key)).as(key).isEqualTo(local.value(key));
            }
        }
    }
}
