package io.diffusim.analysis.run;

import io.diffusim.analysis.output.ManifestJson;
import io.diffusim.analysis.output.MetricsCsv;
import io.diffusim.analysis.output.SamplesCsv;
import io.diffusim.analysis.output.SummaryJson;
import io.diffusim.config.RunSpec;
import io.diffusim.config.SpecRenderer;
import io.diffusim.sampling.NoiseSource;
import io.diffusim.sampling.SamplerState;
import io.diffusim.sampling.noise.CounterNoise;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A whole run in this process, no daemon (docs/user-guide.md {@code run SPEC --out DIR}): builds the run's parts,
 * steps every particle batch in lock-step one sampler step at a time, feeds the analyses, and writes the
 * output directory. metrics.csv is appended as records are made; the manifest says {@code running}
 * until the run ends as {@code done} or {@code failed}.
 */
public final class LocalRun {

    private final RunSpec spec;
    private final Path out;
    private final RunProgress progress;
    private final String runId;

    public LocalRun(RunSpec spec, Path out, RunProgress progress) {
        this.spec = spec;
        this.out = out;
        this.progress = progress;
        this.runId = RunIds.of(spec, Instant.now());
    }

    public RunResult run() throws IOException {
        Instant start = Instant.now();
        RunFiles files = RunFiles.prepare(out);
        Files.writeString(files.spec(), SpecRenderer.render(spec), StandardCharsets.UTF_8);
        ManifestJson.write(files.manifest(), RunManifests.of(runId, spec, start, null, "running"));
        try (MetricsCsv csv = MetricsCsv.open(files.metrics())) {
            RunResult result = execute(files, new MetricRecorder(csv, progress), start);
            ManifestJson.write(files.manifest(), RunManifests.of(runId, spec, start, Instant.now(), "done"));
            return result;
        } catch (RuntimeException | IOException | Error e) {
            String why = e.getMessage() == null ? e.toString() : e.getMessage();
            ManifestJson.write(files.manifest(), RunManifests.of(runId, spec, start, Instant.now(), "failed",
                    why.strip().lines().findFirst().orElse(why)));
            throw e;
        }
    }

    private RunResult execute(RunFiles files, MetricRecorder recorder, Instant start) throws IOException {
        long t0 = System.nanoTime();
        RunParts parts = RunParts.of(spec);
        NoiseSource noise = new CounterNoise(spec.seed());
        List<RunAnalysis> analyses = RunAnalyses.from(parts, noise);
        List<SamplerState> states = new ArrayList<>();
        for (long[] batch : ParticleBatches.split(spec.particles(), spec.batchSize())) {
            states.add(parts.sampler().start(batch, noise));
        }
        long tSampling = System.nanoTime();
        int steps = parts.sampler().steps();
        StepRate rate = new StepRate(parts.sampler().stopsEarly());
        rate.observe(0, tSampling);
        int step = 0;
        for (; !allFinished(parts, states); step++) {
            boolean record = step % spec.recordEvery() == 0 || step == steps - 1;
            double t = parts.sampler().time(states.get(0));
            for (int b = 0; b < states.size(); b++) {
                SamplerState before = states.get(b);
                if (parts.sampler().finished(before)) {
                    continue;
                }
                List<Evaluation> evaluations = new ArrayList<>(2);
                SamplerState after = StepDriver.step(parts.sampler(), parts.denoiser(), before, noise, evaluations);
                states.set(b, after);
                BatchStep batchStep = new BatchStep(b, step, t, before, after, evaluations, record);
                analyses.forEach(a -> a.onBatchStep(batchStep));
            }
            for (RunAnalysis analysis : analyses) {
                analysis.onStepEnd(step, t, record, recorder);
            }
            long now = System.nanoTime();
            rate.observe(step + 1, now);
            progress.onStep(step + 1, steps, (now - t0) * 1e-9, rate);
        }
        double samplingSeconds = (System.nanoTime() - tSampling) * 1e-9;
        INDArray samples = FinalSamples.gather(states, spec.particles(), parts.data().dimension());
        FinalSamples.requireFinite(samples, step);
        long tAnalysis = System.nanoTime();
        for (RunAnalysis analysis : analyses) {
            analysis.onFinish(samples, step, recorder);
        }
        recorder.flush();
        double analysisSeconds = (System.nanoTime() - tAnalysis) * 1e-9;
        SamplesCsv.write(files.samples(), samples, null);
        Map<String, Double> metrics = RunOutput.summaryMetrics(analyses);
        double wall = (System.nanoTime() - t0) * 1e-9;
        Map<String, Double> timing = new LinkedHashMap<>();
        timing.put("wall-seconds", wall);
        timing.put("sampling-seconds", samplingSeconds);
        timing.put("analysis-seconds", analysisSeconds);
        timing.put("particle-steps-per-second", (double) spec.particles() * step / samplingSeconds);
        double nfeMean = FinalSamples.meanNfe(states, spec.particles());
        SummaryJson.write(files.summary(), metrics, timing, nfeMean);
        RunPlots.write(files.plots(), spec.name().orElse(runId), parts.data(), samples, recorder.series());
        return new RunResult(runId, out, metrics, timing, nfeMean);
    }

    private static boolean allFinished(RunParts parts, List<SamplerState> states) {
        return states.stream().allMatch(parts.sampler()::finished);
    }
}
