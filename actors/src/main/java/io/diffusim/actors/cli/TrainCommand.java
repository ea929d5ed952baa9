package io.diffusim.actors.cli;

import io.diffusim.actors.daemon.DaemonFile;
import io.diffusim.actors.models.ModelRegistry;
import io.diffusim.actors.models.RegisteredModel;
import io.diffusim.config.LearnedSpec;
import io.diffusim.config.RunSpec;
import io.diffusim.config.SpecLoader;
import io.diffusim.config.SpecRenderer;
import io.diffusim.config.Words;
import io.diffusim.model.data.Dataset;
import io.diffusim.model.data.Datasets;
import io.diffusim.model.learned.Checkpoint;
import io.diffusim.model.learned.LearnedModels;
import io.diffusim.model.learned.Trainer;
import io.diffusim.model.process.ForwardProcess;
import io.diffusim.model.process.Processes;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code train SPEC}: trains the spec's mlp on its data and process in this process (docs/science.md §7.3) and writes
 * the checkpoint that {@code run} and the daemon then sample from (docs/user-guide.md "Train a model").
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train the model of SPEC (model.kind = mlp) in this process and write its checkpoint.")
final class TrainCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SPEC", description = "Run spec (HOCON) whose model block is an mlp.")
    Path spec;

    @Option(names = "--checkpoint", paramLabel = "FILE",
            description = "Where to write the checkpoint (default: the spec's model.checkpoint).")
    Path checkpoint;

    @Option(names = "--resume", description = "Continue the training saved in the checkpoint file (train writes one "
            + "every model.train.save-every steps) instead of starting afresh.")
    boolean resume;

    @Option(names = "--data-dir", paramLabel = "D",
            description = "Data directory whose model registry a named model.checkpoint goes to (default: ~/.diffusim).")
    Path dataDir = DaemonFile.defaultDataDir();

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws Exception {
        RunSpec run = SpecLoader.load(spec);
        if (run.model() == null || run.model().asLearned().isEmpty()) {
            throw new BadInputException("model.kind = " + (run.model() == null ? "null" : Words.of(run.model().kind()))
                    + ": train needs model.kind = mlp | unet");
        }
        LearnedSpec learned = run.model().asLearned().get();
        ModelRegistry registry = ModelRegistry.of(dataDir);
        // a named model trains into a state file of the registry's (what --resume continues), then is registered
        Optional<String> name = checkpoint != null ? Optional.empty() : learned.registered();
        Path out = checkpoint != null ? checkpoint : name.map(n -> registry.directory().resolve(n + ".training.ckpt"))
                .or(() -> learned.checkpoint()).orElseThrow(() -> new BadInputException(
                "model.checkpoint = null: say where the checkpoint goes, in the spec (a file, or a name to register "
                        + "the model under) or with --checkpoint FILE"));
        CliRuntime.init();
        Dataset data = Datasets.from(run.data(), run.seed());
        ForwardProcess process = Processes.from(run.process());
        Trainer trainer = LearnedModels.trainer(run.model(), run, data, process);
        Trainer.Session session = resume ? trainer.resume(Checkpoint.read(out)) : trainer.start();
        PrintWriter err = command.commandLine().getErr();
        TrainingProgress progress = new TrainingProgress(err, System.console() != null);
        if (resume) {
            err.println("resuming at step " + session.steps() + " of " + learned.train().steps());
        }
        Checkpoint trained = trainer.run(session, progress, learned.train().saveEvery(), c -> c.write(out));
        trained.write(out);
        PrintWriter stdout = command.commandLine().getOut();
        if (name.isPresent()) {
            registry.register(new RegisteredModel(name.get(), trained.shape().describe(),
                    Words.of(learned.objective()), trained.process(), SpecRenderer.data(run.data()), trained.step(),
                    progress.recentLoss(), "train " + spec.getFileName(), Instant.now().toString(), null, null,
                    SpecRenderer.render(run)), out);
            Files.delete(out);
            stdout.printf("registered as %s in %s%n", name.get(), registry.directory());
        }
        long stepsRun = progress.stepsSeen();
        stdout.printf("checkpoint %s  (%s, %d steps, final loss %.4f, %.1f s, %.1f steps/s)%n", out,
                trained.shape().describe(), trained.step(), progress.recentLoss(), progress.elapsedSeconds(),
                stepsRun == 0 ? 0.0 : stepsRun / progress.elapsedSeconds());
        stdout.flush();
        return ExitCode.OK;
    }
}
