package io.diffusim.analysis.run;

import io.diffusim.analysis.output.ManifestJson;
import io.diffusim.analysis.output.MetricsCsv;
import io.diffusim.analysis.output.SamplesCsv;
import io.diffusim.analysis.output.SummaryJson;
import io.diffusim.config.RunSpec;
import io.diffusim.config.SpecRenderer;
import io.diffusim.model.data.Dataset;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The output directory of an ended run (docs/user-guide.md "The output directory") written in one go from its final
 * samples, metric records and summary, laid out as {@link LocalRun} writes it as it goes; a daemon run is
 * exported from it.
 */
public final class RunOutput {

    /**
     * Everything the directory holds.
     *
     * @param records metric records in the order metrics.csv lists them
     * @param metrics summary metrics keyed {@code <analysis>.<metric>}
     * @param timing  summary timing keyed by bare names such as {@code wall-seconds}
     */
    public record Contents(String runId, RunSpec spec, Dataset data, Instant start, Instant end, String status,
            INDArray samples, List<MetricsCsv.Row> records, Map<String, Double> metrics, Map<String, Double> timing,
            double nfeMean) {
    }

    private RunOutput() {
    }

    /** Summary metrics of the analyses, keyed {@code <analysis>.<metric>} in analysis order. */
    public static Map<String, Double> summaryMetrics(List<RunAnalysis> analyses) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (RunAnalysis analysis : analyses) {
            analysis.summary().forEach((metric, value) -> metrics.put(analysis.name() + "." + metric, value));
        }
        return metrics;
    }

    /** Writes {@code dir} (removing the files an earlier run there wrote): spec, manifest, samples, metrics, summary, plots. */
    public static void write(Path dir, Contents run) throws IOException {
        RunFiles files = RunFiles.prepare(dir);
        Files.writeString(files.spec(), SpecRenderer.render(run.spec()), StandardCharsets.UTF_8);
        ManifestJson.write(files.manifest(), RunManifests.of(run.runId(), run.spec(), run.start(), run.end(), run.status()));
        try (MetricsCsv csv = MetricsCsv.open(files.metrics())) {
            for (MetricsCsv.Row row : run.records()) {
                csv.append(row.analysis(), row.metric(), row.step(), row.t(), row.value());
            }
        }
        SamplesCsv.write(files.samples(), run.samples(), null);
        SummaryJson.write(files.summary(), run.metrics(), run.timing(), run.nfeMean());
        RunPlots.write(files.plots(), run.spec().name().orElse(run.runId()), run.data(), run.samples(), series(run.records()));
    }

    private static Map<String, MetricRecorder.Series> series(List<MetricsCsv.Row> records) {
        Map<String, MetricRecorder.Series> series = new LinkedHashMap<>();
        for (MetricsCsv.Row row : records) {
            series.computeIfAbsent(row.analysis() + "." + row.metric(),
                    key -> MetricRecorder.Series.empty(row.analysis(), row.metric())).add(row.step(), row.t(), row.value());
        }
        return series;
    }
}
