package io.diffusim.actors.runtime;

import io.diffusim.actors.protocol.FrontDoorCommand;
import io.diffusim.actors.store.RunStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.ChildFailed;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.Terminated;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.receptionist.Receptionist;

/**
 * The daemon's guardian, the user guardian of its actor system (docs/supervision.md): spawns the state store, the
 * model pool, the run registry (which resumes every unfinished run found in the store) and the front door at
 * {@code /user/front-door}, registered with the receptionist, and keeps the device thread for the daemon's life
 * (TensorWork). Each of the four is restarted when it throws (at most {@value #RESTARTS} times a minute); if one stops
 * for good the daemon cannot work, so the guardian shuts it down with a {@link DaemonFailure} naming it. The runs'
 * events reach the observers through a {@link RunEventsFanOut}, never on a run's own thread. The store it is given
 * stays open and is closed by whoever opened it, after the actor system has terminated.
 */
public final class Daemon {

    /** The front door's name under the guardian: its path is {@code /user/front-door}. */
    public static final String FRONT_DOOR_NAME = "front-door";
    static final String STATE_STORE_NAME = "state-store";
    static final String MODEL_POOL_NAME = "model-pool";
    static final String REGISTRY_NAME = "run-registry";

    private static final int RESTARTS = 10;
    private static final Duration RESTART_WINDOW = Duration.ofMinutes(1);

    private Daemon() {
    }

    public static Behavior<Void> create(RunStore store, DaemonSettings settings) {
        return create(store, settings, List.of());
    }

    /** A daemon whose runs also tell {@code events} of every record and status change as they happen. */
    public static Behavior<Void> create(RunStore store, DaemonSettings settings, RunEvents events) {
        return create(store, settings, List.of(new RunObserver("run events", events)));
    }

    /** A daemon whose runs' events go to each of {@code observers}, each on its own thread. */
    public static Behavior<Void> create(RunStore store, DaemonSettings settings, List<RunObserver> observers) {
        return create(store, settings, observers, new DaemonHealth(Instant.now()));
    }

    /** As {@link #create(RunStore, DaemonSettings, List)}, marking in {@code health} what stops for good. */
    public static Behavior<Void> create(RunStore store, DaemonSettings settings, List<RunObserver> observers,
            DaemonHealth health) {
        return Behaviors.setup(context -> {
            RunEventsFanOut events = RunEventsFanOut.isolating(observers, settings.observerBuffer());
            TensorWork.keepDeviceThread(context);
            ActorRef<StateStore.Command> state = context.spawn(restarted(StateStore.create(store,
                    settings.diskHeadroom())), STATE_STORE_NAME,
                    DispatcherSelector.fromConfig(DaemonSettings.STORE_DISPATCHER));
            ActorRef<ModelPool.Command> models = context.spawn(restarted(ModelPool.create(settings.maxEvalRows())),
                    MODEL_POOL_NAME);
            ActorRef<RunRegistry.Command> registry = context.spawn(restarted(RunRegistry.create(state, models, settings,
                    events)), REGISTRY_NAME);
            ActorRef<FrontDoorCommand> frontDoor = context.spawn(restarted(FrontDoor.create(registry, settings.memoryLimit(),
                    settings.dataFiles(), store.notices(), settings.modelRegistry())),
                    FRONT_DOOR_NAME);
            List.of(state, models, registry, frontDoor).forEach(context::watch);
            context.getSystem().receptionist().tell(Receptionist.register(FrontDoorCommand.KEY, frontDoor));
            return Behaviors.receive(Void.class)
                    .onSignal(Terminated.class, terminated -> onChildStopped(context, terminated, health))
                    .onSignal(PostStop.class, stopped -> {
                        events.close();
                        return Behaviors.same();
                    })
                    .build();
        });
    }

    private static <T> Behavior<T> restarted(Behavior<T> behavior) {
        return Behaviors.supervise(behavior).onFailure(SupervisorStrategy.restart().withLimit(RESTARTS, RESTART_WINDOW));
    }

    /** The device thread's keeper is spawned again; any other child is essential, and the daemon shuts down. */
    private static Behavior<Void> onChildStopped(ActorContext<Void> context, Terminated terminated, DaemonHealth health) {
        String name = terminated.getRef().path().name();
        if (name.equals(TensorWork.KEEPER_NAME)) {
            TensorWork.keepDeviceThread(context);
            return Behaviors.same();
        }
        // an exception inside its behaviour restarts it: a child that fails for good failed too often, or was killed
        String why = terminated instanceof ChildFailed failed
                ? "stopped after a failure it did not recover from (" + Failures.message(failed.getCause()) + ")"
                : "stopped";
        DaemonFailure.essentialStopped(context.getSystem(), health, name, why);
        return Behaviors.same();
    }
}
