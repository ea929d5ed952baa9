package io.diffusim.actors.runtime;

import java.util.concurrent.Executor;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * Where the daemon's tensor work runs: model passes, the particle batches' sampler updates and the analyses' per-step
 * work, all on the device dispatcher ({@value DaemonSettings#DEVICE_DISPATCHER}, one thread by default), as
 * {@code bin/diffusim run} does them one after another.
 *
 * <p>Why one thread: ND4J on CPU runs an op on all its threads only when no other op holds them, and an op split
 * over both cores waits for the slower half. A sampler update or an analysis running beside a model pass on a
 * 2-core machine left a third of the CPU idle and made passes 20-50% slower per row (actor overhead 1.09-1.32
 * against 0.96-1.08 with everything on the device thread).
 */
final class TensorWork {

    /** The keeper's name under the guardian, which spawns it again should it stop. */
    static final String KEEPER_NAME = "device-thread";

    private TensorWork() {
    }

    /** The dispatcher a particle batch is spawned on. */
    static DispatcherSelector dispatcher() {
        return DispatcherSelector.fromConfig(DaemonSettings.DEVICE_DISPATCHER);
    }

    /**
     * Keeps the device thread for as long as {@code context}'s actor lives. Pekko ends a dispatcher's threads a
     * second after the last actor on it stops, so without an actor that stays, every run would start on a fresh
     * thread: a fresh OpenMP team and fresh reused buffers (LogitsScratch) to fault in. The thread ends with the
     * actor system.
     */
    static void keepDeviceThread(ActorContext<?> context) {
        context.watch(context.spawn(Behaviors.supervise(Behaviors.<Void>empty()).onFailure(SupervisorStrategy.restart()),
                KEEPER_NAME, dispatcher()));
    }

    /** The executor for model passes and analysis steps. */
    static Executor executor(ActorSystem<?> system) {
        return system.dispatchers().lookup(dispatcher());
    }
}
