package io.diffusim.actors.runtime;

import io.diffusim.actors.protocol.FrontDoorCommand;
import io.diffusim.actors.protocol.FrontDoorCommand.Action;
import io.diffusim.actors.protocol.FrontDoorCommand.ExportReply;
import io.diffusim.actors.protocol.FrontDoorCommand.MetricsReply;
import io.diffusim.actors.protocol.FrontDoorCommand.RunList;
import io.diffusim.actors.protocol.FrontDoorCommand.SnapshotReply;
import io.diffusim.actors.protocol.FrontDoorCommand.Status;
import io.diffusim.actors.protocol.FrontDoorCommand.StatusReply;
import io.diffusim.actors.protocol.FrontDoorCommand.SubmitReply;
import io.diffusim.actors.protocol.FrontDoorCommand.UnknownRun;
import io.diffusim.actors.store.RunRecord;
import io.diffusim.config.RunSpec;
import io.diffusim.config.SpecLoader;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.StashBuffer;

/**
 * Every run of the daemon (docs/architecture.md §3): gives submitted runs their ids, starts one {@link RunSupervisor} per
 * run while fewer than {@code max-active-runs} are in progress (the others wait as {@code queued}), answers
 * list/status from the runs' latest records, routes control and metric requests, and exports ended runs. At start it
 * reads the store and queues every unfinished run again (a paused one stays paused until resumed), so each resumes
 * from its checkpoints.
 */
public final class RunRegistry extends AbstractBehavior<RunRegistry.Command> {

    public sealed interface Command {
    }

    /** {@code requestId}: the client's id of this submission (null: none), so that a retry finds its run. */
    public record Submit(RunSpec spec, String requestId, ActorRef<SubmitReply> replyTo) implements Command {
    }

    public record ListRuns(ActorRef<RunList> replyTo) implements Command {
    }

    public record GetStatus(String runId, ActorRef<StatusReply> replyTo) implements Command {
    }

    public record Control(String runId, Action action, ActorRef<StatusReply> replyTo) implements Command {
    }

    public record Export(String runId, String outDirectory, ActorRef<ExportReply> replyTo) implements Command {
    }

    public record GetMetrics(String runId, int fromIndex, ActorRef<MetricsReply> replyTo) implements Command {
    }

    public record GetSnapshot(String runId, int maxRows, int maxValues, ActorRef<SnapshotReply> replyTo)
            implements Command {
    }

    /**
     * A supervisor is about to stop without ending its run, for a reason outside the run (one of its actors stopped):
     * the run is restarted from its checkpoints.
     */
    public record RunInterrupted(String runId, String reason) implements Command {
    }

    /** A supervisor's latest record of its run, with its pace (NaN while unknown). */
    public record RunUpdated(RunRecord run, double stepsPerSecond, double secondsLeft) implements Command {
    }

    private record RunsLoaded(StateStore.Runs runs) implements Command {
    }

    private record SupervisorEnded(String runId) implements Command {
    }

    private static final int STASH_CAPACITY = 10_000;

    private final ActorRef<StateStore.Command> store;
    private final RunSupervisor.Services services;
    private final Executor work;
    private final RunTable table = new RunTable();
    private final SubmitRequests requests = new SubmitRequests();
    private final Map<String, ActorRef<RunSupervisor.Command>> live = new HashMap<>();
    private final Map<String, String> interrupted = new HashMap<>();
    private final Map<String, Integer> restarts = new HashMap<>();
    private int spawned;

    private RunRegistry(ActorContext<Command> context, RunSupervisor.Services services) {
        super(context);
        this.store = services.store();
        this.services = services;
        this.work = context.getSystem().dispatchers().lookup(DispatcherSelector.fromConfig(DaemonSettings.WORK_DISPATCHER));
    }

    public static Behavior<Command> create(ActorRef<StateStore.Command> store, ActorRef<ModelPool.Command> models,
            DaemonSettings settings, RunEvents events) {
        return Behaviors.withStash(STASH_CAPACITY, stash -> Behaviors.setup(context -> {
            store.tell(new StateStore.LoadRuns(context.messageAdapter(StateStore.Runs.class, RunsLoaded::new)));
            return loading(context, stash, new RunSupervisor.Services(store, models, context.getSelf(), settings, events));
        }));
    }

    /** Until the stored runs are read, requests wait (run ids must not collide with stored ones). */
    private static Behavior<Command> loading(ActorContext<Command> context, StashBuffer<Command> stash,
            RunSupervisor.Services services) {
        return Behaviors.receive(Command.class)
                .onMessage(RunsLoaded.class, loaded -> {
                    RunRegistry registry = new RunRegistry(context, services);
                    registry.restore(loaded.runs());
                    return stash.unstashAll(registry);
                })
                .onAnyMessage(message -> {
                    stash.stash(message);
                    return Behaviors.same();
                })
                .build();
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Submit.class, this::onSubmit)
                .onMessage(ListRuns.class, this::onListRuns)
                .onMessage(GetStatus.class, this::onGetStatus)
                .onMessage(Control.class, this::onControl)
                .onMessage(Export.class, this::onExport)
                .onMessage(GetMetrics.class, this::onGetMetrics)
                .onMessage(GetSnapshot.class, this::onGetSnapshot)
                .onMessage(RunUpdated.class, this::onRunUpdated)
                .onMessage(RunInterrupted.class, this::onRunInterrupted)
                .onMessage(SupervisorEnded.class, this::onSupervisorEnded)
                .build();
    }

    private void restore(StateStore.Runs loaded) {
        table.restore(loaded.runs()).forEach(this::persist);
        startWaiting();
    }

    private Behavior<Command> onSubmit(Submit submit) {
        String earlier = requests.run(submit.requestId());
        if (earlier != null) {
            submit.replyTo().tell(new FrontDoorCommand.Submitted(earlier));
            return this;
        }
        RunRecord run = persist(table.submit(submit.spec(), Instant.now()));
        requests.started(submit.requestId(), run.id());
        submit.replyTo().tell(new FrontDoorCommand.Submitted(run.id()));
        startWaiting();
        return this;
    }

    private Behavior<Command> onListRuns(ListRuns list) {
        list.replyTo().tell(new RunList(table.all().stream().map(table::status).toList()));
        return this;
    }

    private Behavior<Command> onGetStatus(GetStatus get) {
        RunRecord run = table.get(get.runId());
        get.replyTo().tell(run == null ? new UnknownRun(get.runId()) : new Status(table.status(run)));
        return this;
    }

    private Behavior<Command> onControl(Control control) {
        RunRecord run = table.get(control.runId());
        ActorRef<RunSupervisor.Command> supervisor = live.get(control.runId());
        String refusal = run == null ? null : ControlRules.refusal(control.action(), table.status(run));
        if (run == null) {
            control.replyTo().tell(new UnknownRun(control.runId()));
        } else if (refusal != null) {
            control.replyTo().tell(new FrontDoorCommand.NotApplied(table.status(run), refusal));
        } else if (supervisor != null && !RunStates.ended(run.state())) {
            supervisor.tell(new RunSupervisor.Control(control.action(), control.replyTo()));
        } else {
            RunRecord after = table.controlIdle(run, control.action());
            if (after != run) {
                persist(after);
                startWaiting();
            }
            control.replyTo().tell(new Status(table.status(table.get(run.id()))));
        }
        return this;
    }

    private Behavior<Command> onExport(Export export) {
        RunRecord run = table.get(export.runId());
        if (run == null) {
            export.replyTo().tell(new UnknownRun(export.runId()));
        } else if (!run.state().equals(RunStates.DONE)) {
            export.replyTo().tell(new FrontDoorCommand.ExportFailed("run " + run.id() + " is " + run.state()
                    + "; only a done run can be exported"));
        } else {
            RunExport.start(services.settings().runDirectory(run.id()), export.outDirectory(), export.replyTo(), work);
        }
        return this;
    }

    private Behavior<Command> onGetMetrics(GetMetrics get) {
        RunRecord run = table.get(get.runId());
        ActorRef<RunSupervisor.Command> supervisor = live.get(get.runId());
        if (run == null) {
            get.replyTo().tell(new UnknownRun(get.runId()));
        } else if (supervisor != null) {
            supervisor.tell(new RunSupervisor.GetMetrics(get.fromIndex(), get.replyTo()));
        } else {
            store.tell(new StateStore.ReadMetrics(run.id(), get.fromIndex(), table.status(run), get.replyTo()));
        }
        return this;
    }

    private Behavior<Command> onGetSnapshot(GetSnapshot get) {
        RunRecord run = table.get(get.runId());
        if (run == null) {
            get.replyTo().tell(new UnknownRun(get.runId()));
        } else {
            store.tell(new StateStore.ReadSnapshot(run, services.settings().runDirectory(run.id()).resolve("samples.csv"),
                    get.maxRows(), get.maxValues(), get.replyTo()));
        }
        return this;
    }

    private Behavior<Command> onRunUpdated(RunUpdated updated) {
        table.put(updated.run());
        table.pace(updated.run().id(), updated.stepsPerSecond(), updated.secondsLeft());
        ActorRef<RunSupervisor.Command> supervisor = live.get(updated.run().id());
        if (supervisor != null && RunStates.ended(updated.run().state())) {
            // from now on the store answers for the run: a request forwarded to a retiring supervisor could be lost
            live.remove(updated.run().id());
            restarts.remove(updated.run().id());
            supervisor.tell(new RunSupervisor.Retire());
            startWaiting();
        }
        return this;
    }

    private Behavior<Command> onRunInterrupted(RunInterrupted message) {
        interrupted.put(message.runId(), message.reason());
        return this;
    }

    /**
     * A supervisor stopped. Unless it ended its run first, the run was cut short by something outside it (a bug in
     * the runtime, a stopped replica or batch): it is restarted from its checkpoints, at most {@code run-restarts}
     * times, then marked failed. A paused run stays parked until resumed, as after a daemon restart.
     */
    private Behavior<Command> onSupervisorEnded(SupervisorEnded ended) {
        live.remove(ended.runId());
        String reason = interrupted.remove(ended.runId());
        RunRecord run = table.get(ended.runId());
        if (run != null && !RunStates.ended(run.state()) && !run.state().equals(RunStates.PAUSED)) {
            String why = reason == null ? "the run's supervisor stopped unexpectedly (see the daemon log)" : reason;
            int restart = restarts.merge(run.id(), 1, Integer::sum);
            int allowed = services.settings().runRestarts();
            if (restart <= allowed) {
                getContext().getLog().warn("run {}: {}; restarting it from its last checkpoint ({} of {})", run.id(), why,
                        restart, allowed);
                persist(table.requeueFirst(run));
            } else {
                persist(run.withState(RunStates.FAILED, why + "; given up after " + allowed + " restarts"));
            }
        }
        startWaiting();
        return this;
    }

    private void startWaiting() {
        while (live.size() < services.settings().maxActiveRuns()) {
            RunRecord run = table.pollWaiting();
            if (run == null) {
                return;
            }
            RunSpec spec;
            try {
                spec = SpecLoader.parse(run.spec(), null);
            } catch (RuntimeException e) {
                persist(run.withState(RunStates.FAILED, "the stored spec of the run cannot be read: " + Failures.message(e)));
                continue;
            }
            // a training job answers the registry as a sampling run's supervisor does
            Behavior<RunSupervisor.Command> behavior = spec.job() == RunSpec.Job.TRAIN
                    ? TrainingRun.create(run, spec, services) : RunSupervisor.create(run, spec, services);
            ActorRef<RunSupervisor.Command> supervisor = getContext().spawn(behavior, "run-" + ++spawned);
            getContext().watchWith(supervisor, new SupervisorEnded(run.id()));
            live.put(run.id(), supervisor);
        }
    }

    private RunRecord persist(RunRecord run) {
        table.put(run);
        store.tell(new StateStore.PutRun(run, null));
        services.events().status(table.status(run));
        return run;
    }
}
