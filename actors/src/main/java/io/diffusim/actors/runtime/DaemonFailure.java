package io.diffusim.actors.runtime;

import org.apache.pekko.actor.ClassicActorSystemProvider;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Why a daemon shut itself down: a part it cannot work without stopped (docs/supervision.md). The daemon's process
 * prints {@code message} and exits non-zero.
 */
public record DaemonFailure(String message) implements CoordinatedShutdown.Reason {

    private static final Logger LOG = LoggerFactory.getLogger(DaemonFailure.class);

    /**
     * {@code part} stopped ({@code why}, e.g. "stopped"): marks it down in {@code health}, logs it and shuts the daemon
     * down, unless the daemon is already shutting down (every part stops then).
     */
    public static void essentialStopped(ClassicActorSystemProvider system, DaemonHealth health, String part, String why) {
        CoordinatedShutdown shutdown = CoordinatedShutdown.get(system);
        if (shutdown.getShutdownReason().isPresent()) {
            return;
        }
        health.down(part, why);
        String message = "the daemon's " + part + " " + why + "; the daemon cannot work without it and shuts down";
        LOG.error(message);
        shutdown.run(new DaemonFailure(message));
    }
}
