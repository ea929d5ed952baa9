package io.diffusim.actors.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What {@code GET /api/health} reports beside the run counts: the daemon's start and the parts it cannot work without
 * that are down (each named with why), as the guardian sees them stop. Thread-safe.
 */
public final class DaemonHealth {

    private final Instant started;
    private final Map<String, String> down = new ConcurrentHashMap<>();

    public DaemonHealth(Instant started) {
        this.started = started;
    }

    public Duration uptime(Instant now) {
        return Duration.between(started, now);
    }

    /** {@code part} (e.g. "run-registry") is down for {@code reason}. */
    public void down(String part, String reason) {
        down.put(part, reason);
    }

    /** Each part that is down, as "part: reason", sorted. */
    public List<String> down() {
        return down.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).sorted().toList();
    }
}
