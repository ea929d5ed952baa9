package io.diffusim.actors.runtime;

import io.diffusim.actors.models.ModelRegistry;
import io.diffusim.actors.models.RegisteredModel;
import io.diffusim.actors.store.MetricRecord;
import io.diffusim.analysis.output.MetricsCsv;
import io.diffusim.analysis.run.TrainingOutput;
import io.diffusim.config.LearnedSpec;
import io.diffusim.config.RunSpec;
import io.diffusim.config.SpecRenderer;
import io.diffusim.config.Words;
import io.diffusim.model.learned.Checkpoint;
import io.diffusim.model.learned.Trainer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The end of a training job: the trained checkpoint written as {@code model.ckpt} in the run's directory (on the
 * device thread, {@link #writeModel}), then, off the actor threads ({@link #run}), the output files, the model
 * registered under the spec's {@code model.checkpoint} name, the resume state removed and the directory's checksums.
 *
 * @param finalLoss the loss of the last step (NaN when the job was resumed at its end)
 * @param log the job's loss records
 */
record TrainingFinish(String runId, RunSpec spec, Trainer.Session session, double finalLoss, List<MetricRecord> log,
        RunTiming timing, long submittedNs, Path directory, ModelRegistry registry) {

    static final String MODEL_FILE = "model.ckpt";

    void writeModel() {
        try {
            session.checkpoint().write(directory.resolve(MODEL_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("writing the trained model to " + directory + " failed", e);
        }
    }

    void run() {
        LearnedSpec learned = spec.model().asLearned().orElseThrow();
        String name = learned.registered().orElseThrow(() -> new IllegalArgumentException(
                "model.checkpoint: a training job on the daemon registers its model under a name; give one"));
        long endNs = System.nanoTime();
        double seconds = timing.samplingSeconds(endNs);
        try {
            Path model = directory.resolve(MODEL_FILE);
            Checkpoint trained = Checkpoint.read(model);
            double loss = Double.isFinite(finalLoss) ? finalLoss : lastRecorded();
            Map<String, Double> metrics = new LinkedHashMap<>();
            metrics.put("train.final-loss", loss);
            metrics.put("train.steps", (double) trained.step());
            Map<String, Double> times = new LinkedHashMap<>();
            times.put("wall-seconds", timing.wallSeconds(endNs));
            times.put("training-seconds", seconds);
            times.put("steps-per-second", timing.stepsTaken((int) trained.step()) / seconds);
            List<MetricsCsv.Row> rows = log.stream()
                    .map(r -> new MetricsCsv.Row(r.analysis(), r.metric(), r.step(), r.t(), r.value())).toList();
            TrainingOutput.write(directory, runId, spec, Instant.ofEpochSecond(0, submittedNs), Instant.now(), rows,
                    metrics, times);
            registry.register(new RegisteredModel(name, trained.shape().describe(), Words.of(learned.objective()),
                    trained.process(), SpecRenderer.data(spec.data()), trained.step(), loss, runId,
                    Instant.now().toString(), null, null, SpecRenderer.render(spec)), model);
            Files.deleteIfExists(directory.resolve(TrainingRun.STATE_FILE));
            OutputChecksums.write(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("finishing the training " + runId + " in " + directory + " failed: "
                    + e.getMessage(), e);
        }
    }

    private double lastRecorded() {
        return log.isEmpty() ? Double.NaN : log.get(log.size() - 1).value();
    }
}
