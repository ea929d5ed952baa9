package io.diffusim.actors.runtime;

import io.diffusim.actors.models.ModelRegistry;
import io.diffusim.actors.store.Checkpoint;
import io.diffusim.actors.store.MetricRecord;
import io.diffusim.analysis.run.RunAnalyses;
import io.diffusim.analysis.run.RunAnalysis;
import io.diffusim.analysis.run.RunParts;
import io.diffusim.config.RunSpec;
import io.diffusim.model.Nd4jRuntime;
import io.diffusim.model.data.DataFiles;
import io.diffusim.sampling.NoiseSource;
import io.diffusim.sampling.noise.CounterNoise;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * Gathers what a run needs before its batches can start, then answers its supervisor once and stops (a per-run
 * aggregator, docs/style.md §4): the run's parts built on the work dispatcher (data, process, denoiser, sampler,
 * analyses), its stored checkpoints and metric records, and the model replica acquired for the supervisor.
 */
final class RunStarter extends AbstractBehavior<RunStarter.Command> {

    sealed interface Command {
    }

    /** Everything a run starts from; {@code checkpoints} are keyed by batch (none for a fresh run). */
    record Start(RunParts parts, NoiseSource noise, List<RunAnalysis> analyses, Map<Integer, Checkpoint> checkpoints,
            List<MetricRecord> metrics, ActorRef<ModelReplica.Command> replica) {
    }

    /** The start, or why there is none. */
    record Outcome(Start start, String error) {
    }

    private record Built(RunParts parts, NoiseSource noise, List<RunAnalysis> analyses) {
    }

    private record PartsBuilt(Built built, Throwable failure) implements Command {
    }

    private record ResumeLoaded(StateStore.ResumePoint point) implements Command {
    }

    private record ReplicaAcquired(ModelPool.Acquired acquired) implements Command {
    }

    private final RunSpec spec;
    private final ModelRegistry registry;
    private final ActorRef<?> supervisor;
    private final ActorRef<ModelPool.Command> models;
    private final ActorRef<Outcome> replyTo;
    private Built built;
    private StateStore.ResumePoint resume;

    private RunStarter(ActorContext<Command> context, String runId, RunSpec spec, int batches, ActorRef<?> supervisor,
            RunSupervisor.Services services, ActorRef<Outcome> replyTo) {
        super(context);
        this.spec = spec;
        this.registry = services.settings().modelRegistry();
        this.supervisor = supervisor;
        this.models = services.models();
        this.replyTo = replyTo;
        services.store().tell(new StateStore.LoadResume(runId, batches,
                context.messageAdapter(StateStore.ResumePoint.class, ResumeLoaded::new)));
        DataFiles files = services.settings().dataFiles();
        context.pipeToSelf(CompletableFuture.supplyAsync(() -> build(registry.resolve(spec), files), context.getSystem().dispatchers()
                .lookup(DispatcherSelector.fromConfig(DaemonSettings.WORK_DISPATCHER))), PartsBuilt::new);
    }

    /** @param supervisor the run's supervisor: the replica stays acquired until it stops */
    static Behavior<Command> create(String runId, RunSpec spec, int batches, ActorRef<?> supervisor,
            RunSupervisor.Services services, ActorRef<Outcome> replyTo) {
        return Behaviors.setup(context -> new RunStarter(context, runId, spec, batches, supervisor, services, replyTo));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(PartsBuilt.class, this::onPartsBuilt)
                .onMessage(ResumeLoaded.class, this::onResumeLoaded)
                .onMessage(ReplicaAcquired.class, this::onReplicaAcquired)
                .build();
    }

    private static Built build(RunSpec spec, DataFiles files) {
        // a daemon answers clients while ND4J still loads: the first run to be built waits for it here
        Nd4jRuntime.awaitConfigured();
        RunParts parts = RunParts.of(spec, files);
        NoiseSource noise = new CounterNoise(spec.seed());
        return new Built(parts, noise, RunAnalyses.from(parts, noise));
    }

    private Behavior<Command> onPartsBuilt(PartsBuilt message) {
        if (message.failure() != null) {
            return fail("the run could not start: " + Failures.message(message.failure()));
        }
        built = message.built();
        return acquireReplicaWhenReady();
    }

    private Behavior<Command> onResumeLoaded(ResumeLoaded message) {
        if (message.point().error() != null) {
            return fail(message.point().error());
        }
        resume = message.point();
        return acquireReplicaWhenReady();
    }

    private Behavior<Command> acquireReplicaWhenReady() {
        if (built != null && resume != null) {
            models.tell(new ModelPool.Acquire(ModelKey.of(built.parts().spec()), built.parts().denoiser(), supervisor,
                    getContext().messageAdapter(ModelPool.Acquired.class, ReplicaAcquired::new)));
        }
        return this;
    }

    private Behavior<Command> onReplicaAcquired(ReplicaAcquired message) {
        replyTo.tell(new Outcome(new Start(built.parts(), built.noise(), built.analyses(), resume.checkpoints(),
                resume.metrics(), message.acquired().replica()), null));
        return Behaviors.stopped();
    }

    private Behavior<Command> fail(String error) {
        replyTo.tell(new Outcome(null, error));
        return Behaviors.stopped();
    }
}
