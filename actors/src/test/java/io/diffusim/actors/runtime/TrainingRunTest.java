package io.diffusim.actors.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffusim.actors.models.ModelRegistry;
import io.diffusim.actors.models.RegisteredModel;
import io.diffusim.actors.protocol.FrontDoorCommand;
import io.diffusim.actors.protocol.FrontDoorCommand.Action;
import io.diffusim.actors.protocol.FrontDoorCommand.Metrics;
import io.diffusim.actors.store.InMemoryRunStore;
import io.diffusim.actors.store.RunRecord;
import io.diffusim.actors.store.Sha256;
import io.diffusim.config.ModelSpec;
import io.diffusim.config.RunSpec;
import io.diffusim.model.data.Datasets;
import io.diffusim.model.learned.LearnedModels;
import io.diffusim.model.learned.Trainer;
import io.diffusim.model.process.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spec with {@code job = train} trains on the daemon as a {@link TrainingRun}: its loss is recorded, its model is
 * registered with the weights an in-process training of the spec gives, runs sample it by name, and a training cut
 * short resumes from its saved state to those same weights.
 */
class TrainingRunTest {

    private static final String TRAIN = """
            run {
              seed = 5
              job = train
              record-every = 10
              data { kind = moons, n = 2000 }
              process { kind = vp, schedule = linear, timesteps = 50 }
              model {
                kind = mlp, width = 32, blocks = 1, checkpoint = "%s"
                train { steps = %d, batch-size = 32, save-every = 50, ema-after = 20 }
              }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void shouldTrainRegisterAndSampleTheModelWithTheWeightsOfAnInProcessTraining() throws IOException {
        Path data = dir.resolve("data");
        try (DaemonFixture daemon = DaemonFixture.start(new InMemoryRunStore(), data, 4)) {
            String id = daemon.submit(TRAIN.formatted("tiny-moons", 200));
            FrontDoorCommand.RunStatus end = daemon.awaitEnd(id);
            assertThat(end.state()).as(end.error()).isEqualTo("done");
            assertThat(end.step()).isEqualTo(200);
            assertThat(end.steps()).isEqualTo(200);

            Metrics metrics = (Metrics) daemon.metrics(id, 0);
            assertThat(metrics.records()).hasSize(20).allSatisfy(r -> {
                assertThat(r.analysis() + "." + r.metric()).isEqualTo("train.loss");
                assertThat(r.value()).isFinite().isPositive();
            });

            List<RegisteredModel> models = ModelRegistry.of(data).list();
            assertThat(models).singleElement().satisfies(m -> {
                assertThat(m.name()).isEqualTo("tiny-moons");
                assertThat(m.steps()).isEqualTo(200);
                assertThat(m.objective()).isEqualTo("eps");
                assertThat(m.runId()).isEqualTo(id);
                assertThat(m.finalLoss()).isFinite();
                assertThat(RunSpecs.parse(m.spec()).job()).as("the spec it was trained with").isEqualTo(RunSpec.Job.TRAIN);
            });
            assertThat(models.get(0).sha256()).isEqualTo(inProcessTraining(TRAIN.formatted("tiny-moons", 200)));
            Path out = data.resolve("runs").resolve(id);
            assertThat(out.resolve("plots/train.loss.png")).isRegularFile();
            assertThat(out.resolve("metrics.csv")).isRegularFile();
            assertThat(out.resolve(TrainingRun.STATE_FILE)).doesNotExist();

            String sample = """
                    run {
                      seed = 1, particles = 300, batch-size = 300
                      data { kind = moons, n = 2000 }
                      process { kind = vp, schedule = linear, timesteps = 50 }
                      model { kind = mlp, width = 32, blocks = 1, checkpoint = "tiny-moons" }
                      sampler { kind = ddpm }
                      analyses = [ { kind = nearest-neighbour } ]
                    }
                    """;
            FrontDoorCommand.RunStatus sampled = daemon.awaitEnd(daemon.submit(sample));
            assertThat(sampled.state()).as(sampled.error()).isEqualTo("done");

            assertThat(daemon.submitReply(sample.replace("\"tiny-moons\"", "\"no-such-model\"")))
                    .isInstanceOfSatisfying(FrontDoorCommand.Rejected.class, r -> assertThat(r.errors()).singleElement()
                            .asString().contains("no-such-model").contains("no model of that name"));
            assertThat(daemon.submitReply(TRAIN.formatted("x.ckpt", 10)))
                    .isInstanceOfSatisfying(FrontDoorCommand.Rejected.class, r -> assertThat(r.errors()).singleElement()
                            .asString().contains("registers its model under a name"));
        }
    }

    @Test
    void shouldResumeATrainingCutShortToTheWeightsOfAnUninterruptedOne() throws IOException {
        Path data = dir.resolve("data");
        String spec = TRAIN.formatted("resumed", 400);
        InMemoryRunStore store = new InMemoryRunStore();
        String id;
        try (DaemonFixture first = DaemonFixture.start(store, data, 4)) {
            id = first.submit(spec);
            first.await(id, s -> s.step() >= 120);
        }
        RunRecord cut = store.run(id).orElseThrow();
        assertThat(cut.state()).isEqualTo("running");
        assertThat(cut.step()).as("stored at a save, every 50 steps").isBetween(100, 399).matches(s -> s % 50 == 0);
        try (DaemonFixture second = DaemonFixture.start(store, data, 4)) {
            FrontDoorCommand.RunStatus end = second.awaitEnd(id);
            assertThat(end.state()).as(end.error()).isEqualTo("done");
            assertThat(((Metrics) second.metrics(id, 0)).records()).hasSize(40)
                    .extracting(r -> r.step()).doesNotHaveDuplicates();
        }
        assertThat(ModelRegistry.of(data).find("resumed").orElseThrow().sha256()).isEqualTo(inProcessTraining(spec));
    }

    @Test
    void shouldPauseResumeAndStopATraining() {
        try (DaemonFixture daemon = DaemonFixture.start(new InMemoryRunStore(), dir.resolve("data"), 4)) {
            String id = daemon.submit(TRAIN.formatted("paused", 100_000));
            daemon.await(id, s -> s.step() > 0);
            assertThat(daemon.control(id, Action.PAUSE).state()).isEqualTo("paused");
            int at = daemon.status(id).step();
            DaemonFixture.sleep(500);
            assertThat(daemon.status(id).step()).as("no steps while paused").isLessThanOrEqualTo(at + 2_000)
                    .isEqualTo(daemon.status(id).step());
            assertThat(daemon.control(id, Action.RESUME).state()).isEqualTo("running");
            daemon.await(id, s -> s.step() > at);
            daemon.control(id, Action.STOP);
            assertThat(daemon.awaitEnd(id).state()).isEqualTo("stopped");
            assertThat(ModelRegistry.of(dir.resolve("data")).list()).isEmpty();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void shouldPauseATrainingWhoseModelCannotBeRegisteredAndRegisterItOnResume() throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        Path models = Files.writeString(data.resolve("models"), "a file where the registry's directory goes");
        String spec = TRAIN.formatted("blocked", 100);
        try (DaemonFixture daemon = DaemonFixture.start(new InMemoryRunStore(), data, 4)) {
            String id = daemon.submit(spec);
            FrontDoorCommand.RunStatus paused = daemon.await(id, s -> s.state().equals("paused") || s.ended());
            assertThat(paused.state()).as(paused.error()).isEqualTo("paused");
            assertThat(paused.step()).isEqualTo(100);
            assertThat(paused.reason()).contains("finishing the training " + id).contains(models.toString())
                    .endsWith("; free space, then resume the job");

            Files.delete(models);
            assertThat(daemon.control(id, Action.RESUME).state()).isEqualTo("running");
            assertThat(daemon.awaitEnd(id).state()).isEqualTo("done");
        }
        assertThat(ModelRegistry.of(data).find("blocked").orElseThrow().sha256()).isEqualTo(inProcessTraining(spec));
    }

    /** The SHA-256 of the checkpoint an in-process training of {@code text} writes. */
    private String inProcessTraining(String text) throws IOException {
        RunSpec spec = RunSpecs.parse(text);
        ModelSpec.Mlp mlp = (ModelSpec.Mlp) spec.model();
        Trainer trainer = LearnedModels.trainer(mlp, spec, Datasets.from(spec.data(), spec.seed()),
                Processes.from(spec.process()));
        Path file = Files.createTempFile(dir, "in-process", ".ckpt");
        trainer.train(Trainer.Progress.NONE).write(file);
        return Sha256.of(file);
    }
}
