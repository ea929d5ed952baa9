package io.diffusim.actors.runtime;

import io.diffusim.model.denoise.Denoiser;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * One {@link ModelReplica} per distinct model of the runs in progress (docs/architecture.md §3): a run acquires the
 * replica of its {@link ModelKey}, spawned from the denoiser the run built if there is none yet; the pool watches
 * each user and stops a replica when its last user has stopped.
 */
public final class ModelPool extends AbstractBehavior<ModelPool.Command> {

    public sealed interface Command {
    }

    /** The replica for {@code key}; {@code denoiser} is used only when a new one is spawned; {@code user} is watched. */
    public record Acquire(ModelKey key, Denoiser denoiser, ActorRef<?> user, ActorRef<Acquired> replyTo)
            implements Command {
    }

    public record Acquired(ActorRef<ModelReplica.Command> replica) {
    }

    private record UserEnded(ModelKey key, ActorRef<?> user) implements Command {
    }

    private record ReplicaEnded(ModelKey key, ActorRef<ModelReplica.Command> replica) implements Command {
    }

    private record Replica(ActorRef<ModelReplica.Command> ref, Set<ActorRef<?>> users) {
    }

    private final int maxEvalRows;
    private final Map<ModelKey, Replica> replicas = new HashMap<>();
    private int spawned;

    private ModelPool(ActorContext<Command> context, int maxEvalRows) {
        super(context);
        this.maxEvalRows = maxEvalRows;
    }

    public static Behavior<Command> create(int maxEvalRows) {
        return Behaviors.setup(context -> new ModelPool(context, maxEvalRows));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Acquire.class, this::onAcquire)
                .onMessage(UserEnded.class, this::onUserEnded)
                .onMessage(ReplicaEnded.class, this::onReplicaEnded)
                .build();
    }

    private Behavior<Command> onAcquire(Acquire acquire) {
        Replica replica = replicas.computeIfAbsent(acquire.key(), key -> spawn(key, acquire.denoiser()));
        if (replica.users().add(acquire.user())) {
            getContext().watchWith(acquire.user(), new UserEnded(acquire.key(), acquire.user()));
        }
        acquire.replyTo().tell(new Acquired(replica.ref()));
        return this;
    }

    private Replica spawn(ModelKey key, Denoiser denoiser) {
        ActorRef<ModelReplica.Command> ref = getContext().spawn(ModelReplica.create(denoiser, key.rowIndependent(),
                maxEvalRows), "replica-" + ++spawned);
        getContext().watchWith(ref, new ReplicaEnded(key, ref));
        return new Replica(ref, new HashSet<>());
    }

    /** A replica that stopped by itself (its users restart their runs) is forgotten, so the next run gets a new one. */
    private Behavior<Command> onReplicaEnded(ReplicaEnded ended) {
        Replica replica = replicas.get(ended.key());
        if (replica != null && replica.ref().equals(ended.replica())) {
            replicas.remove(ended.key());
        }
        return this;
    }

    private Behavior<Command> onUserEnded(UserEnded ended) {
        Replica replica = replicas.get(ended.key());
        if (replica != null && replica.users().remove(ended.user()) && replica.users().isEmpty()) {
            getContext().stop(replica.ref());
            replicas.remove(ended.key());
        }
        return this;
    }
}
