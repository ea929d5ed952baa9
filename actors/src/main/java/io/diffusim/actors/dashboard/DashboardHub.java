package io.diffusim.actors.dashboard;

import io.diffusim.actors.protocol.FrontDoorCommand.RunStatus;
import io.diffusim.actors.runtime.RunEvents;
import io.diffusim.actors.store.MetricRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The dashboard's side of the daemon's {@link RunEvents}: keeps a {@link RunPageFeed} per run (its records, series and
 * status) and fans each event out to the pages watching that run. Called on its own observer thread
 * ({@link io.diffusim.actors.runtime.IsolatedObserver}), never a run's; it never waits: a page that falls behind is
 * cut off and reconnects.
 */
public final class DashboardHub implements RunEvents {

    private final int maxPoints;
    private final Map<String, RunPageFeed> feeds = new ConcurrentHashMap<>();

    /** @param maxPoints most points a chart gets per series ({@code diffusim.dashboard.max-points}) */
    public DashboardHub(int maxPoints) {
        if (maxPoints < 2) {
            throw new IllegalArgumentException("maxPoints = " + maxPoints + ": expected >= 2");
        }
        this.maxPoints = maxPoints;
    }

    @Override
    public void recorded(String runId, int firstIndex, List<MetricRecord> records) {
        Instant at = Instant.now();
        feed(runId).recorded(firstIndex, records, at);
    }

    /**
     * An ended run's feed goes once no page watches it (a daemon that runs for weeks keeps no records of runs nobody
     * looks at); a page opened later fills a new feed from the store.
     */
    @Override
    public void status(RunStatus status) {
        RunPageFeed feed = feed(status.id());
        feed.status(status);
        if (status.ended() && feed.clientCount() == 0) {
            feeds.remove(status.id(), feed);
        }
    }

    /** The feed of {@code runId}, made empty (and incomplete) on first use. */
    RunPageFeed feed(String runId) {
        return feeds.computeIfAbsent(runId, id -> new RunPageFeed(id, maxPoints));
    }
}
