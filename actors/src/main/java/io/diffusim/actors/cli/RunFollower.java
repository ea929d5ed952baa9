package io.diffusim.actors.cli;

import io.diffusim.actors.client.DaemonClient;
import io.diffusim.actors.daemon.DaemonFile;
import io.diffusim.actors.protocol.FrontDoorCommand;
import io.diffusim.actors.protocol.FrontDoorCommand.Metrics;
import io.diffusim.actors.protocol.FrontDoorCommand.RunStatus;
import io.diffusim.actors.stream.MetricSubscription;
import io.diffusim.actors.stream.RunFeed;
import io.diffusim.actors.stream.StreamAddress;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SystemNanoClock;

/**
 * Shows a run on a {@link WatchView} until it ends, for {@code watch} and {@code demo}: a running run on the
 * daemon's metric stream (its history, then the live tail) when one is reachable here, otherwise, and for a run
 * that already ended, by polling the daemon's pages of records.
 */
final class RunFollower {

    /** How often a terminal is redrawn at most while the stream brings records. */
    private static final long SHOW_EVERY_NS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long MAX_IDLE_PARK_NS = TimeUnit.MILLISECONDS.toNanos(10);

    private RunFollower() {
    }

    /** Follows run {@code runId} to its end and returns its final status (the view has not been ended). */
    static RunStatus follow(DaemonClient client, String runId, Optional<StreamAddress> stream, WatchView view)
            throws InterruptedException {
        return stream.isPresent() && !RunStatusText.ended(client.status(runId))
                ? stream(client, runId, stream.get(), view)
                : poll(client, runId, view);
    }

    /** The stream the daemon on {@code client}'s end advertises in {@code dataDir}'s daemon.json, if reachable here. */
    static Optional<StreamAddress> advertised(Path dataDir, DaemonClient client) {
        return DaemonFile.read(dataDir)
                .filter(f -> f.host().equals(client.location().host()) && f.port() == client.location().port())
                .map(DaemonFile::stream)
                .filter(MetricSubscription::reachable);
    }

    private static RunStatus stream(DaemonClient client, String runId, StreamAddress address, WatchView view) {
        PendingMetrics pending = new PendingMetrics();
        IdleStrategy idle = new BackoffIdleStrategy(10, 20, 1_000, MAX_IDLE_PARK_NS);
        try (RunFeed feed = RunFeed.open(address, runId, client::metrics, pending, client.settings().pollInterval(),
                SystemNanoClock.INSTANCE)) {
            long shownNs = System.nanoTime();
            pending.showOn(view);
            while (!feed.ended()) {
                idle.idle(feed.poll());
                if (System.nanoTime() - shownNs >= SHOW_EVERY_NS) {
                    pending.showOn(view);
                    shownNs = System.nanoTime();
                }
            }
            pending.showOn(view);
            return pending.status();
        }
    }

    /** Polls until the run ended and its last page is read (a full page means more may follow at once). */
    private static RunStatus poll(DaemonClient client, String runId, WatchView view) throws InterruptedException {
        Metrics metrics = client.metrics(runId, 0);
        view.show(metrics);
        while (!RunStatusText.ended(metrics.status()) || metrics.records().size() >= FrontDoorCommand.METRICS_PAGE) {
            if (metrics.records().size() < FrontDoorCommand.METRICS_PAGE) {
                Thread.sleep(client.settings().pollInterval().toMillis());
            }
            metrics = client.metrics(runId, metrics.nextIndex());
            view.show(metrics);
        }
        return metrics.status();
    }
}
