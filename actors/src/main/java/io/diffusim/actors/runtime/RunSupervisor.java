package io.diffusim.actors.runtime;

import io.diffusim.actors.protocol.FrontDoorCommand;
import io.diffusim.actors.protocol.FrontDoorCommand.Status;
import io.diffusim.actors.store.Checkpoint;
import io.diffusim.actors.store.MetricRecord;
import io.diffusim.actors.store.RunRecord;
import io.diffusim.analysis.run.BatchStep;
import io.diffusim.analysis.run.ParticleBatches;
import io.diffusim.analysis.run.RunAnalysis;
import io.diffusim.config.RunSpec;
import io.diffusim.sampling.SamplerState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * One run (docs/architecture.md §3): builds its parts off the actor threads, acquires its model replica, spawns one
 * {@link ParticleBatch} per {@code batch-size} particles (from their checkpoints when the run is resumed), and
 * owns the run's analyses, fed each whole step in batch order as {@code LocalRun} feeds them. It persists metric
 * records, checkpoints and status through the {@link StateStore}: a step's checkpoints only after its metric
 * records, so a resumed run re-records exactly the steps after its checkpoint (its analyses first retake the steps
 * before it unrecorded, so paired trajectories continue in lock-step). At the end it writes the run's output
 * directory; a batch that diverges or fails ends the run as {@code failed} with the batch's error, touching no
 * other run. Pause, resume and stop are messages; stopping ends the batches, and the replica is released when the
 * supervisor stops.
 */
public final class RunSupervisor extends AbstractBehavior<RunSupervisor.Command> {

    /** Not sealed: a training job's {@link TrainingRun} answers the same requests from the registry. */
    public interface Command {
    }

    public record Control(FrontDoorCommand.Action action, ActorRef<FrontDoorCommand.StatusReply> replyTo)
            implements Command {
    }

    public record GetMetrics(int fromIndex, ActorRef<FrontDoorCommand.MetricsReply> replyTo) implements Command {
    }

    /** A batch took a whole step; {@code checkpoint} is its state after the step when one is due, else null. */
    public record BatchStepped(BatchStep step, Checkpoint checkpoint) implements Command {
    }

    /** A batch has no more steps to take; {@code last} is its final state. */
    public record BatchDone(int batch, SamplerState last) implements Command {
    }

    public record BatchFailed(int batch, String error) implements Command {
    }

    /** From the registry once it has seen the run's end: the supervisor stops (until then it still answers queries). */
    public record Retire() implements Command {
    }

    /** The actors a run talks to, the daemon's settings, and where its live events go. */
    public record Services(ActorRef<StateStore.Command> store, ActorRef<ModelPool.Command> models,
            ActorRef<RunRegistry.Command> registry, DaemonSettings settings, RunEvents events) {
    }

    private record Started(RunStarter.Outcome outcome) implements Command {
    }

    private record CaughtUp(Throwable failure) implements Command {
    }

    private record StepAnalysed(int step, List<MetricRecord> records, Throwable failure) implements Command {
    }

    private record Finished(RunFinish.Output output, Throwable failure) implements Command {
    }

    private record OutputWritten(Throwable failure) implements Command {
    }

    private record StoreFailed(StateStore.WriteFailed failed) implements Command {
    }

    /** A child the run needs (its starter, a batch, its model replica) stopped before the run ended. */
    private record PartStopped(String part) implements Command {
    }

    private final RunSpec spec;
    private final Services services;
    private final Executor work;
    private final Executor device;
    private final ActorRef<StateStore.WriteFailed> storeFailures;
    private final List<long[]> split;
    private final List<ActorRef<ParticleBatch.Command>> batches = new ArrayList<>();
    private final SamplerState[] last;
    private final RunReport report;
    private final RunLog log;
    private final RunTiming timing = new RunTiming();
    private RunStarter.Start start;
    private StepCollector collector;
    private boolean paused;
    /** Paused because a write of the run's state was refused or failed. */
    private boolean storePaused;
    private boolean analysing;
    private boolean finishing;
    /** The finished run's output while it is not yet written (paused on a failed write); else null. */
    private RunFinish.Output unwritten;

    private RunSupervisor(ActorContext<Command> context, RunRecord record, RunSpec spec, Services services) {
        super(context);
        this.spec = spec;
        this.services = services;
        this.work = context.getSystem().dispatchers().lookup(DispatcherSelector.fromConfig(DaemonSettings.WORK_DISPATCHER));
        this.device = TensorWork.executor(context.getSystem());
        this.storeFailures = context.messageAdapter(StateStore.WriteFailed.class, StoreFailed::new);
        this.split = ParticleBatches.split(spec.particles(), spec.batchSize());
        this.last = new SamplerState[split.size()];
        this.report = new RunReport(record, services, storeFailures);
        this.log = report.log();
        report.update(record.withState(RunStates.RUNNING, null));
        context.watchWith(context.spawn(RunStarter.create(record.id(), spec, split.size(), context.getSelf(), services,
                context.messageAdapter(RunStarter.Outcome.class, Started::new)), "starter"), new PartStopped("starter"));
    }

    /** @param record the run as stored; its checkpoints, if any, are where the batches start */
    public static Behavior<Command> create(RunRecord record, RunSpec spec, Services services) {
        return Behaviors.setup(context -> new RunSupervisor(context, record, spec, services));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Started.class, this::onStarted)
                .onMessage(CaughtUp.class, this::onCaughtUp)
                .onMessage(BatchStepped.class, this::onBatchStepped)
                .onMessage(BatchDone.class, this::onBatchDone)
                .onMessage(BatchFailed.class, this::onBatchFailed)
                .onMessage(PartStopped.class, this::onPartStopped)
                .onMessage(StepAnalysed.class, this::onStepAnalysed)
                .onMessage(Finished.class, this::onFinished)
                .onMessage(OutputWritten.class, this::onOutputWritten)
                .onMessage(StoreFailed.class, this::onStoreFailed)
                .onMessage(Control.class, this::onControl)
                .onMessage(GetMetrics.class, this::onGetMetrics)
                .build();
    }

    private Behavior<Command> onStarted(Started started) {
        if (started.outcome().error() != null) {
            return end(RunStates.FAILED, started.outcome().error());
        }
        start = started.outcome().start();
        getContext().watchWith(start.replica(), new PartStopped("model replica"));
        RunRecord record = report.record();
        report.update(new RunRecord(record.id(), record.spec(), record.state(), record.step(),
                start.parts().sampler().steps(), record.submittedNs(), record.error()));
        int[] firstSteps = new int[split.size()];
        for (int b = 0; b < split.size(); b++) {
            Checkpoint checkpoint = start.checkpoints().get(b);
            firstSteps[b] = checkpoint == null ? 0 : checkpoint.step();
        }
        collector = new StepCollector(firstSteps);
        log.restore(start.metrics(), collector.nextStep());
        timing.samplingStarted(collector.nextStep());
        report.restartPace(start.parts().sampler().stopsEarly());
        if (Arrays.stream(firstSteps).anyMatch(step -> step > 0)) {
            analysing = true;
            List<RunAnalysis> analyses = start.analyses();
            List<MetricRecord> restored = log.snapshot();
            getContext().pipeToSelf(CompletableFuture.runAsync(() -> AnalysisStep.catchUp(analyses, restored, split, firstSteps), work),
                    (ignored, failure) -> new CaughtUp(failure));
        }
        for (int b = 0; b < split.size(); b++) {
            ParticleBatch.Setup setup = new ParticleBatch.Setup(b, split.get(b), start.checkpoints().get(b),
                    start.parts().sampler(), start.noise(), start.replica(), getContext().getSelf(), spec.recordEvery(),
                    spec.checkpointEvery(), paused);
            ActorRef<ParticleBatch.Command> batch = getContext().spawn(ParticleBatch.create(setup), "batch-" + b,
                    TensorWork.dispatcher());
            getContext().watchWith(batch, new PartStopped("batch " + b));
            batches.add(batch);
        }
        return this;
    }

    private Behavior<Command> onCaughtUp(CaughtUp message) {
        analysing = false;
        if (message.failure() != null) {
            return end(RunStates.FAILED, "resuming the analyses failed: " + Failures.message(message.failure()));
        }
        return next();
    }

    private Behavior<Command> onBatchStepped(BatchStepped message) {
        collector.add(message.step());
        if (message.checkpoint() != null) {
            log.due(message.step().step(), message.step().batch(), message.checkpoint());
        }
        return next();
    }

    private Behavior<Command> onBatchDone(BatchDone message) {
        last[message.batch()] = message.last();
        collector.done(message.batch(), message.last().step());
        return next();
    }

    private Behavior<Command> onBatchFailed(BatchFailed message) {
        return end(RunStates.FAILED, message.error());
    }

    /**
     * The starter stops by itself once it has answered; a batch or the replica stopping before the run ended was no
     * fault of the run's (a batch reports its own errors as {@link BatchFailed}): the registry restarts the run from
     * its checkpoints.
     */
    private Behavior<Command> onPartStopped(PartStopped message) {
        if (message.part().equals("starter") && start != null) {
            return this;
        }
        String reason = "its " + message.part() + " stopped unexpectedly (see the daemon log)";
        services.registry().tell(new RunRegistry.RunInterrupted(report.id(), reason));
        return Behaviors.stopped();
    }

    /** Hands the next whole step to the analyses, or finishes once every batch has ended; one at a time. */
    private Behavior<Command> next() {
        if (analysing || finishing) {
            return this;
        }
        var complete = collector.pollComplete();
        if (complete.isPresent()) {
            analysing = true;
            List<BatchStep> steps = complete.get();
            List<RunAnalysis> analyses = start.analyses();
            int step = steps.get(0).step();
            getContext().pipeToSelf(CompletableFuture.supplyAsync(() -> AnalysisStep.run(analyses, steps), device),
                    (records, failure) -> new StepAnalysed(step, records, failure));
        } else if (collector.allDone()) {
            finishing = true;
            RunFinish finish = new RunFinish(report.id(), spec, start.parts().data(), start.analyses(), List.of(last),
                    collector.finalStep(), log.snapshot(), timing, report.record().submittedNs(),
                    services.settings().runDirectory(report.id()));
            getContext().pipeToSelf(CompletableFuture.supplyAsync(finish::run, work), Finished::new);
        }
        return this;
    }

    private Behavior<Command> onStepAnalysed(StepAnalysed message) {
        analysing = false;
        if (message.failure() != null) {
            return end(RunStates.FAILED, "analysis failed at step " + message.step() + ": " + Failures.message(message.failure()));
        }
        report.add(message.records());
        Map<Integer, Checkpoint> checkpoints = log.takeDue(message.step());
        if (!checkpoints.isEmpty()) {
            services.store().tell(new StateStore.PutCheckpoints(report.id(), checkpoints, storeFailures));
            if (report.record().interruptions() > 0) {
                // a checkpoint past the resume point: the run is making progress, not taking the daemon down
                report.update(report.record().withInterruptions(0));
            }
        }
        report.stepped(message.step() + 1, !checkpoints.isEmpty());
        return next();
    }

    private Behavior<Command> onFinished(Finished message) {
        if (message.failure() != null) {
            return end(RunStates.FAILED, Failures.message(message.failure()));
        }
        report.add(message.output().records());
        unwritten = message.output();
        return writeOutput();
    }

    private Behavior<Command> writeOutput() {
        RunFinish.Output output = unwritten;
        long headroom = services.settings().diskHeadroom();
        getContext().pipeToSelf(CompletableFuture.runAsync(() -> OutputWrite.write(output, headroom), work),
                (ignored, failure) -> new OutputWritten(failure));
        return this;
    }

    /** A failed write of the output pauses the run (its results stay in memory); resume writes it again. */
    private Behavior<Command> onOutputWritten(OutputWritten message) {
        Throwable failure = message.failure() instanceof CompletionException wrapped && wrapped.getCause() != null
                ? wrapped.getCause() : message.failure();
        if (failure instanceof OutputWrite.Failed) {
            getContext().getLog().warn("run {} paused: {}", report.id(), failure.getMessage());
            setPaused(true, failure.getMessage());
            return this;
        }
        if (failure != null) {
            return end(RunStates.FAILED, Failures.message(failure));
        }
        unwritten = null;
        report.revise(report.record().withStep(collector.finalStep()));
        return end(RunStates.DONE, null);
    }

    /**
     * A write of the run's state was refused or failed (a full disk, docs/user-guide.md): the run pauses with the reason
     * and the daemon goes on serving; further failures while so paused say nothing new. Its particles and log stay
     * in memory, so a resume loses nothing.
     */
    private Behavior<Command> onStoreFailed(StoreFailed message) {
        if (!storePaused) {
            storePaused = true;
            getContext().getLog().warn("run {} paused: {}", report.id(), message.failed().error());
            setPaused(true, message.failed().error());
        }
        return this;
    }

    private Behavior<Command> onControl(Control control) {
        switch (control.action()) {
            case PAUSE -> setPaused(true);
            case RESUME -> setPaused(false);
            case STOP -> {
                return stopping(control.replyTo());
            }
        }
        report.answer(control);
        return this;
    }

    private void setPaused(boolean pause) {
        setPaused(pause, null);
    }

    /** @param reason why the run pauses when it was not asked to (shown by status and list), else null */
    private void setPaused(boolean pause, String reason) {
        if (pause == paused) {
            return;
        }
        paused = pause;
        if (!pause && start != null) {
            report.restartPace(start.parts().sampler().stopsEarly());
        }
        if (!pause && storePaused) {
            storePaused = false;
            report.storeLogAgain();
        }
        batches.forEach(batch -> batch.tell(pause ? new ParticleBatch.Pause() : new ParticleBatch.Resume()));
        report.update(report.record().withState(pause ? RunStates.PAUSED : RunStates.RUNNING, reason));
        if (!pause && unwritten != null) {
            writeOutput();
        }
    }

    private Behavior<Command> onGetMetrics(GetMetrics get) {
        report.answer(get);
        return this;
    }

    /**
     * Stop asked: the run is {@code stopping} until every batch has stopped (a batch ends the step it is in), then
     * ends as stopped. The caller hears of the change at once; a batch step can take long on a large model.
     */
    private Behavior<Command> stopping(ActorRef<FrontDoorCommand.StatusReply> replyTo) {
        report.update(report.record().withState(RunStates.STOPPING, null));
        replyTo.tell(new Status(report.status()));
        Set<String> running = new HashSet<>();
        for (int b = 0; b < batches.size(); b++) {
            running.add("batch " + b);
        }
        batches.forEach(getContext()::stop);
        batches.clear();
        if (running.isEmpty()) {
            return end(RunStates.STOPPED, null);
        }
        return Behaviors.receive(Command.class)
                .onMessage(PartStopped.class, stopped -> {
                    running.remove(stopped.part());
                    return running.isEmpty() ? end(RunStates.STOPPED, null) : Behaviors.same();
                })
                .onMessage(Control.class, control -> {
                    report.answer(control);
                    return Behaviors.same();
                })
                .onMessage(GetMetrics.class, get -> {
                    report.answer(get);
                    return Behaviors.same();
                })
                .onAnyMessage(ignored -> Behaviors.same())
                .build();
    }

    /**
     * Ends the run: its state is stored and reported, its checkpoints dropped and its batches stopped (their arrays
     * are freed once collected). The supervisor still answers control and metric requests the registry forwarded
     * before it saw the end, and stops on {@link Retire}, releasing the model replica.
     */
    private Behavior<Command> end(String state, String error) {
        RunRecord record = report.record();
        report.update(record.withState(state, error));
        services.store().tell(new StateStore.DropCheckpoints(record.id()));
        if (error != null) {
            getContext().getLog().warn("run {} {}: {}", record.id(), state, error);
        }
        if (!state.equals(RunStates.DONE)) {
            EndedRunManifest.write(services.settings().runDirectory(record.id()), record.id(), spec,
                    record.submittedNs(), state, error, work);
        }
        batches.forEach(getContext()::stop);
        return report.ended();
    }
}
