package io.diffusim.actors.daemon;

import io.diffusim.actors.protocol.FrontDoorCommand;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;

/**
 * Waits, at start-up, until the daemon's guardian has spawned the front door at
 * {@link RemoteSettings#FRONT_DOOR_PATH}, so that {@code daemon.json} is only written when a client's request can reach
 * it.
 */
final class FrontDoorProbe {

    private static final Duration ATTEMPT = Duration.ofSeconds(1);
    private static final long RETRY_MS = 20;

    private FrontDoorProbe() {
    }

    /** @return the front door, once it is there */
    static ActorRef<FrontDoorCommand> await(ActorSystem<?> system, Duration timeout) {
        long deadlineNs = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return Adapter.toTyped(system.classicSystem().actorSelection(RemoteSettings.FRONT_DOOR_PATH)
                        .resolveOne(ATTEMPT).toCompletableFuture().get());
            } catch (ExecutionException notYet) {
                if (system.getWhenTerminated().toCompletableFuture().isDone()) {
                    throw new IllegalStateException("the daemon stopped while starting (see the log above)");
                }
                if (System.nanoTime() > deadlineNs) {
                    throw new IllegalStateException("the daemon's front door did not start within " + timeout);
                }
                sleep();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the daemon was starting", e);
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(RETRY_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
