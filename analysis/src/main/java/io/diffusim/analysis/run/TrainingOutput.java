package io.diffusim.analysis.run;

import io.diffusim.analysis.output.ManifestJson;
import io.diffusim.analysis.output.MetricsCsv;
import io.diffusim.analysis.output.SummaryJson;
import io.diffusim.analysis.plot.SeriesPlot;
import io.diffusim.config.RunSpec;
import io.diffusim.config.SpecRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The output directory of a finished training job (docs/user-guide.md "Training on the daemon"), laid out as a
 * sampling run's where the files apply: spec.conf, manifest.json, metrics.csv (the loss per recorded step),
 * summary.json (final loss and timing) and plots/train.loss.png. The trained checkpoint is written beside them by
 * the job itself.
 */
public final class TrainingOutput {

    private TrainingOutput() {
    }

    /**
     * @param loss the recorded steps' losses, in step order
     * @param metrics summary metrics such as {@code train.final-loss}
     */
    public static void write(Path dir, String runId, RunSpec spec, Instant start, Instant end, List<MetricsCsv.Row> loss,
            Map<String, Double> metrics, Map<String, Double> timing) throws IOException {
        RunFiles files = RunFiles.prepare(dir);
        Files.writeString(files.spec(), SpecRenderer.render(spec), StandardCharsets.UTF_8);
        ManifestJson.write(files.manifest(), RunManifests.of(runId, spec, start, end, "done"));
        try (MetricsCsv csv = MetricsCsv.open(files.metrics())) {
            for (MetricsCsv.Row row : loss) {
                csv.append(row.analysis(), row.metric(), row.step(), row.t(), row.value());
            }
        }
        SummaryJson.write(files.summary(), metrics, timing, Double.NaN);
        if (!loss.isEmpty()) {
            double[] steps = loss.stream().mapToDouble(MetricsCsv.Row::step).toArray();
            double[] values = loss.stream().mapToDouble(MetricsCsv.Row::value).toArray();
            SeriesPlot.write(files.plots().resolve("train.loss.png"), spec.name().orElse(runId) + ": training loss",
                    "step", steps, Map.of("loss", values));
        }
    }
}
