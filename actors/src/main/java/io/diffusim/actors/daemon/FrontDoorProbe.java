package io.diffusim.actors.daemon;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * Waits, at start-up, until the daemon's guardian has spawned the front door, so that {@code daemon.json} is
 * only written when a client can resolve {@link RemoteSettings#FRONT_DOOR_PATH}.
 */
final class FrontDoorProbe {

    private static final Duration ATTEMPT = Duration.ofSeconds(1);
    private static final long RETRY_MS = 20;

    private FrontDoorProbe() {
    }

    static void await(ActorSystem<?> system, Duration timeout) {
        long deadlineNs = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                system.classicSystem().actorSelection(RemoteSettings.FRONT_DOOR_PATH).resolveOne(ATTEMPT)
                        .toCompletableFuture().get();
                return;
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
