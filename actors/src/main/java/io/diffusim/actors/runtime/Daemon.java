package io.diffusim.actors.runtime;

import io.diffusim.actors.protocol.FrontDoorCommand;
import io.diffusim.actors.store.RunStore;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.receptionist.Receptionist;

/**
 * The daemon's guardian (docs/architecture.md §3), the user guardian of its actor system: spawns the state store, the
 * model pool, the run registry (which resumes every unfinished run found in the store) and the front door at
 * {@code /user/front-door}, registered with the receptionist, and keeps the device thread for the daemon's life
 * (TensorWork). It only spawns; the store it is given stays open and is closed by whoever opened it, after the
 * actor system has terminated.
 */
public final class Daemon {

    /** The front door's name under the guardian: its path is {@code /user/front-door}. */
    public static final String FRONT_DOOR_NAME = "front-door";

    private Daemon() {
    }

    public static Behavior<Void> create(RunStore store, DaemonSettings settings) {
        return create(store, settings, RunEvents.NONE);
    }

    /** A daemon whose runs also tell {@code events} of every record and status change as they happen. */
    public static Behavior<Void> create(RunStore store, DaemonSettings settings, RunEvents events) {
        return Behaviors.setup(context -> {
            TensorWork.keepDeviceThread(context);
            ActorRef<StateStore.Command> state = context.spawn(StateStore.create(store), "state-store",
                    DispatcherSelector.fromConfig(DaemonSettings.STORE_DISPATCHER));
            ActorRef<ModelPool.Command> models = context.spawn(ModelPool.create(settings.maxEvalRows()), "model-pool");
            ActorRef<RunRegistry.Command> registry = context.spawn(RunRegistry.create(state, models, settings, events), "run-registry");
            ActorRef<FrontDoorCommand> frontDoor = context.spawn(FrontDoor.create(registry), FRONT_DOOR_NAME);
            context.getSystem().receptionist().tell(Receptionist.register(FrontDoorCommand.KEY, frontDoor));
            return Behaviors.empty();
        });
    }
}
