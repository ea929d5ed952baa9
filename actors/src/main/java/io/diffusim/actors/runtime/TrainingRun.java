package io.diffusim.actors.runtime;

import io.diffusim.actors.store.MetricRecord;
import io.diffusim.actors.store.RunRecord;
import io.diffusim.config.ModelSpec;
import io.diffusim.config.RunSpec;
import io.diffusim.config.TrainSpec;
import io.diffusim.model.data.Datasets;
import io.diffusim.model.learned.Checkpoint;
import io.diffusim.model.learned.LearnedModels;
import io.diffusim.model.learned.Trainer;
import io.diffusim.model.process.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * A training job on the daemon (a spec with {@code job = train}; docs/user-guide.md "Training on the daemon"): the
 * Trainer of docs/architecture.md §3. It answers the registry as a {@link RunSupervisor} does (status, pause, resume,
 * stop, metric pages) and steps the optimiser on the device thread in {@link TrainingChunk}s, recording the loss
 * every {@code record-every} steps (stored, streamed live, charted on the dashboard). Every
 * {@code model.train.save-every} steps the whole training state (weights, AdamW moments, EMA, the step that fixes
 * the draws) goes to {@code training.ckpt} in the run's directory, renamed into place by the {@link StateStore}
 * after the loss records before it, so a daemon killed at any moment resumes the job to the weights an
 * uninterrupted one ends with. At the end the model is written and registered under {@code model.checkpoint}
 * ({@link TrainingFinish}).
 */
public final class TrainingRun extends AbstractBehavior<RunSupervisor.Command> {

    /** How long one device task steps before the actor hears of it (answers stay prompt, few messages). */
    private static final long CHUNK_NS = 200_000_000L;
    static final String STATE_FILE = "training.ckpt";
    private static final String NEXT_STATE_FILE = "training.next.ckpt";

    private record Loaded(StateStore.ResumePoint point) implements RunSupervisor.Command {
    }

    private record Built(Trainer.Session session, Throwable failure) implements RunSupervisor.Command {
    }

    private record Stepped(TrainingChunk.Result result, Throwable failure) implements RunSupervisor.Command {
    }

    private record Finished(Throwable failure) implements RunSupervisor.Command {
    }

    private record StoreFailed(StateStore.WriteFailed failed) implements RunSupervisor.Command {
    }

    private final RunSpec spec;
    private final RunSupervisor.Services services;
    private final Executor work;
    private final Executor device;
    private final ActorRef<StateStore.WriteFailed> storeFailures;
    private final Path directory;
    private final ModelSpec model;
    private final RunReport report;
    private final RunTiming timing = new RunTiming();
    private List<MetricRecord> stored;
    private Trainer.Session session;
    private double lastLoss = Double.NaN;
    private boolean paused;
    /** Paused because a write of the job's state was refused or failed. */
    private boolean storePaused;
    private boolean stepping;

    private TrainingRun(ActorContext<RunSupervisor.Command> context, RunRecord record, RunSpec spec,
            RunSupervisor.Services services) {
        super(context);
        this.spec = spec;
        this.services = services;
        this.work = context.getSystem().dispatchers().lookup(DispatcherSelector.fromConfig(DaemonSettings.WORK_DISPATCHER));
        this.device = TensorWork.executor(context.getSystem());
        this.storeFailures = context.messageAdapter(StateStore.WriteFailed.class, StoreFailed::new);
        this.directory = services.settings().runDirectory(record.id());
        this.model = spec.model();
        this.report = new RunReport(record, services, storeFailures);
        report.update(record.withState(RunStates.RUNNING, null));
        services.store().tell(new StateStore.LoadResume(record.id(), 0,
                context.messageAdapter(StateStore.ResumePoint.class, Loaded::new)));
    }

    /** @param spec a spec with {@code job = train} and an mlp or unet model named for the registry */
    public static Behavior<RunSupervisor.Command> create(RunRecord record, RunSpec spec, RunSupervisor.Services services) {
        return Behaviors.setup(context -> new TrainingRun(context, record, spec, services));
    }

    @Override
    public Receive<RunSupervisor.Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Loaded.class, this::onLoaded)
                .onMessage(Built.class, this::onBuilt)
                .onMessage(Stepped.class, this::onStepped)
                .onMessage(Finished.class, this::onFinished)
                .onMessage(StoreFailed.class, this::onStoreFailed)
                .onMessage(RunSupervisor.Control.class, this::onControl)
                .onMessage(RunSupervisor.GetMetrics.class, this::onGetMetrics)
                .build();
    }

    /**
     * A write of the job's state was refused or failed (a full disk): the job pauses with the reason, as a sampling run
     * does, and the daemon goes on serving; resume stores its records again. A state file that was not renamed into
     * place leaves the previous one, from which a restarted daemon resumes with the records before it.
     */
    private Behavior<RunSupervisor.Command> onStoreFailed(StoreFailed failed) {
        if (!storePaused) {
            storePaused = true;
            paused = true;
            getContext().getLog().warn("training {} paused: {}", report.id(), failed.failed().error());
            report.update(report.record().withState(RunStates.PAUSED, failed.failed().error()));
        }
        return this;
    }

    private Behavior<RunSupervisor.Command> onLoaded(Loaded loaded) {
        if (loaded.point().error() != null) {
            return end(RunStates.FAILED, loaded.point().error());
        }
        stored = loaded.point().metrics();
        Path state = directory.resolve(STATE_FILE);
        getContext().pipeToSelf(CompletableFuture.supplyAsync(() -> session(state), work), Built::new);
        return this;
    }

    /** The trainer of the spec, from the saved state when there is one (a resumed job). */
    private Trainer.Session session(Path state) {
        try {
            Trainer trainer = LearnedModels.trainer(model, spec, Datasets.from(spec.data(), spec.seed(),
                    services.settings().dataFiles()), Processes.from(spec.process()));
            return Files.exists(state) ? trainer.resume(Checkpoint.read(state)) : trainer.start();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("the training state " + state + " cannot be read: " + e.getMessage(), e);
        }
    }

    private Behavior<RunSupervisor.Command> onBuilt(Built built) {
        if (built.failure() != null) {
            return end(RunStates.FAILED, "the training could not start: " + Failures.message(built.failure()));
        }
        session = built.session();
        int done = (int) session.steps();
        report.log().restore(stored, done + 1);
        stored = null;
        timing.samplingStarted(done);
        RunRecord record = report.record();
        report.announce(new RunRecord(record.id(), record.spec(), record.state(), done, train().steps(),
                record.submittedNs(), record.error(), record.interruptions()));
        report.restartPace(false);
        return next();
    }

    /** Starts the next chunk unless one is running, the job is paused, or every step is taken. */
    private Behavior<RunSupervisor.Command> next() {
        if (stepping || paused || session == null) {
            return this;
        }
        stepping = true;
        long total = train().steps();
        if (session.steps() >= total) {
            TrainingFinish finish = new TrainingFinish(report.id(), spec, session, lastLoss, report.log().snapshot(),
                    timing, report.record().submittedNs(), directory, services.settings().modelRegistry());
            // the final weights are read on the device thread, where the session's arrays live
            getContext().pipeToSelf(CompletableFuture.runAsync(finish::writeModel, device)
                    .thenRunAsync(finish::run, work), (ignored, failure) -> new Finished(failure));
            return this;
        }
        TrainingChunk chunk = new TrainingChunk(session, total, train().saveEvery(), CHUNK_NS,
                directory.resolve(NEXT_STATE_FILE));
        getContext().pipeToSelf(CompletableFuture.supplyAsync(chunk::run, device), Stepped::new);
        return this;
    }

    private Behavior<RunSupervisor.Command> onStepped(Stepped stepped) {
        stepping = false;
        if (stepped.failure() != null) {
            return end(RunStates.FAILED, "training failed at step " + (report.record().step() + 1) + ": "
                    + Failures.message(stepped.failure()));
        }
        TrainingChunk.Result result = stepped.result();
        double[] losses = result.losses();
        List<MetricRecord> records = new ArrayList<>();
        for (int i = 0; i < losses.length; i++) {
            long step = result.firstStep() + i;
            if (!Double.isFinite(losses[i])) {
                return end(RunStates.FAILED, "the training loss is " + losses[i] + " at step " + step
                        + " (lower model.train.lr or set model.train.grad-clip)");
            }
            if (step % spec.recordEvery() == 0) {
                records.add(new MetricRecord("train", "loss", step, 0.0, losses[i]));
            }
        }
        lastLoss = losses.length > 0 ? losses[losses.length - 1] : lastLoss;
        report.add(records);
        if (result.saved()) {
            services.store().tell(new StateStore.PromoteFile(report.id(), directory.resolve(NEXT_STATE_FILE),
                    directory.resolve(STATE_FILE), storeFailures));
            report.revise(report.record().withInterruptions(0));
        }
        report.stepped((int) result.lastStep(), result.saved());
        return next();
    }

    private Behavior<RunSupervisor.Command> onFinished(Finished finished) {
        stepping = false;
        if (finished.failure() != null && Failures.isWriteFailure(finished.failure())) {
            // the trained weights are still in the session: resume writes them again (docs/user-guide.md, "disk full")
            String reason = Failures.message(finished.failure()) + "; free space, then resume the job";
            getContext().getLog().warn("training {} paused: {}", report.id(), reason);
            paused = true;
            report.update(report.record().withState(RunStates.PAUSED, reason));
            return this;
        }
        if (finished.failure() != null) {
            return end(RunStates.FAILED, Failures.message(finished.failure()));
        }
        return end(RunStates.DONE, null);
    }

    private Behavior<RunSupervisor.Command> onControl(RunSupervisor.Control control) {
        switch (control.action()) {
            case PAUSE -> {
                paused = true;
                report.update(report.record().withState(RunStates.PAUSED, null));
            }
            case RESUME -> {
                paused = false;
                if (storePaused) {
                    storePaused = false;
                    report.storeLogAgain();
                }
                report.update(report.record().withState(RunStates.RUNNING, null));
                if (session != null) {
                    report.restartPace(false);
                }
                next();
            }
            case STOP -> {
                // a chunk in flight ends within its time budget; its result is dropped with the job
                report.update(report.record().withState(RunStates.STOPPING, null));
                report.answer(control);
                return end(RunStates.STOPPED, null);
            }
        }
        report.answer(control);
        return this;
    }

    private Behavior<RunSupervisor.Command> onGetMetrics(RunSupervisor.GetMetrics get) {
        report.answer(get);
        return this;
    }

    /** As {@link RunSupervisor}'s end: stored, reported, and the registry's requests answered until it retires us. */
    private Behavior<RunSupervisor.Command> end(String state, String error) {
        RunRecord record = report.record();
        report.update(record.withState(state, error));
        if (error != null) {
            getContext().getLog().warn("training {} {}: {}", record.id(), state, error);
        }
        if (!state.equals(RunStates.DONE)) {
            EndedRunManifest.write(directory, record.id(), spec, record.submittedNs(), state, error, work);
        }
        return report.ended();
    }

    private TrainSpec train() {
        return model.asLearned().orElseThrow().train();
    }
}
