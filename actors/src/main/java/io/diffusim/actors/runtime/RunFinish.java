package io.diffusim.actors.runtime;

import io.diffusim.actors.store.MetricRecord;
import io.diffusim.analysis.output.MetricsCsv;
import io.diffusim.analysis.run.FinalSamples;
import io.diffusim.analysis.run.RunAnalysis;
import io.diffusim.analysis.run.RunOutput;
import io.diffusim.config.RunSpec;
import io.diffusim.model.data.Dataset;
import io.diffusim.sampling.SamplerState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The end of a run, off the actor threads: the batches' final particles gathered in particle order (failing a run
 * that is not finite), the analyses' final records and summary, and the output directory written as
 * {@code LocalRun} writes it (samples.csv byte for byte the same for the same spec). Computing the end and writing it
 * are apart, so that a write that fails (a full disk) can be tried again without running the analyses twice.
 *
 * @param log         the run's metric records so far, in the order they were made
 * @param submittedNs the run's submission time, epoch nanoseconds (the manifest's start)
 */
record RunFinish(String runId, RunSpec spec, Dataset data, List<RunAnalysis> analyses, List<SamplerState> states,
        int finalStep, List<MetricRecord> log, RunTiming timing, long submittedNs, Path directory) {

    /** What the end of a run made: the analyses' final records, and the output directory's contents. */
    record Output(List<MetricRecord> records, RunOutput.Contents contents, Path directory) {
    }

    /** The final samples, the analyses' final records and the contents of the output directory, not yet written. */
    Output run() {
        long samplingEndNs = System.nanoTime();
        INDArray samples = FinalSamples.gather(states, spec.particles(), data.dimension());
        FinalSamples.requireFinite(samples, finalStep);
        CollectedMetrics sink = new CollectedMetrics();
        for (RunAnalysis analysis : analyses) {
            analysis.onFinish(samples, finalStep, sink);
        }
        List<MetricRecord> records = sink.records();
        long endNs = System.nanoTime();
        double samplingSeconds = timing.samplingSeconds(samplingEndNs);
        Map<String, Double> times = new LinkedHashMap<>();
        times.put("wall-seconds", timing.wallSeconds(endNs));
        times.put("sampling-seconds", samplingSeconds);
        times.put("analysis-seconds", (endNs - samplingEndNs) * 1e-9);
        times.put("particle-steps-per-second", (double) spec.particles() * timing.stepsTaken(finalStep) / samplingSeconds);
        List<MetricsCsv.Row> rows = Stream.concat(log.stream(), records.stream())
                .map(r -> new MetricsCsv.Row(r.analysis(), r.metric(), r.step(), r.t(), r.value())).toList();
        return new Output(records, new RunOutput.Contents(runId, spec, data, Instant.ofEpochSecond(0, submittedNs),
                Instant.now(), RunStates.DONE, samples, rows, RunOutput.summaryMetrics(analyses), times,
                FinalSamples.meanNfe(states, spec.particles())), directory);
    }
}
