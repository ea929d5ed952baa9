package io.diffusim.actors.stream;

import io.diffusim.actors.protocol.FrontDoorCommand.MetricLine;
import io.diffusim.actors.protocol.FrontDoorCommand.Metrics;
import io.diffusim.actors.protocol.FrontDoorCommand.RunStatus;
import io.diffusim.actors.runtime.RunEvents;
import io.diffusim.actors.store.MetricRecord;
import java.time.Duration;
import java.util.List;
import org.agrona.concurrent.NanoClock;

/**
 * One run's series for a late joiner (docs/architecture.md §4): its stored history followed by the live tail, in log
 * order, with no gap and no duplicate at the seam. It subscribes first, so the stream's log buffer holds every
 * record published from then on, then reads the history from the daemon and only then polls: live records at
 * indexes the history already gave are skipped, and a live record past the next expected index (the stream dropped
 * some) makes it read the missing ones from the daemon once the poll is over (every live record after it is in the
 * daemon's log by then, so those are skipped too). When the run ends short of the log size its final status
 * carries, or the stream has been silent for the resync interval, it also reads from the daemon, so a dropped
 * status or final record is never waited for. Everything
 * happens on the thread that calls {@link #poll}; the daemon is never asked from inside the stream's handler.
 */
public final class RunFeed implements AutoCloseable {

    private final String runId;
    private final RunHistory history;
    private final RunEvents sink;
    private final long resyncNs;
    private final NanoClock clock;
    private MetricSubscription subscription;
    private int expected;
    private boolean ended;
    /** The stream skipped something (or the run ended): read from the daemon after this poll. */
    private boolean behind;
    private long lastHeardNs;

    private RunFeed(String runId, RunHistory history, RunEvents sink, Duration resync, NanoClock clock) {
        this.runId = runId;
        this.history = history;
        this.sink = sink;
        this.resyncNs = resync.toNanos();
        this.clock = clock;
    }

    /**
     * Subscribes to the stream at {@code address}, then hands {@code sink} the run's history (and its status); the
     * live tail follows with each {@link #poll}.
     */
    public static RunFeed open(StreamAddress address, String runId, RunHistory history, RunEvents sink,
            Duration resync, NanoClock clock) {
        RunFeed feed = new RunFeed(runId, history, sink, resync, clock);
        feed.subscription = MetricSubscription.connect(address, feed.new Live());
        try {
            feed.catchUp();
        } catch (RuntimeException e) {
            feed.close();
            throw e;
        }
        return feed;
    }

    /** The run ended and its last record and final status went to the sink. */
    public boolean ended() {
        return ended;
    }

    /** The index of the next record the sink gets, i.e. how many it got. */
    public int nextIndex() {
        return expected;
    }

    /** Reads what the stream brought (or the daemon, after a silence); answers how much work that was. */
    public int poll() {
        if (ended) {
            return 0;
        }
        int read = subscription.poll();
        if (read > 0) {
            lastHeardNs = clock.nanoTime();
        }
        if (behind || clock.nanoTime() - lastHeardNs > resyncNs) {
            catchUp();
        }
        return read;
    }

    /** Everything the daemon has from the next expected index on; the run's status last. */
    private void catchUp() {
        Metrics page;
        do {
            page = history.metrics(runId, expected);
            emit(page.records());
        } while (!page.records().isEmpty() && expected < page.nextIndex());
        lastHeardNs = clock.nanoTime();
        behind = false;
        onStatus(page.status(), false, expected);
    }

    private void emit(List<MetricLine> lines) {
        if (lines.isEmpty()) {
            return;
        }
        List<MetricRecord> records = lines.stream()
                .map(l -> new MetricRecord(l.analysis(), l.metric(), l.step(), l.t(), l.value())).toList();
        sink.recorded(runId, expected, records);
        expected += records.size();
    }

    private void onRecord(int index, MetricRecord record) {
        if (behind || ended || index < expected) {
            return;
        }
        if (index > expected) {
            behind = true;
            return;
        }
        sink.recorded(runId, index, List.of(record));
        expected++;
    }

    private void onStatus(RunStatus status, boolean live, int records) {
        if (ended) {
            return;
        }
        if (status.ended()) {
            if (live && (behind || records != expected)) {
                // records dropped just before the end are never followed by a later one: read them from the daemon
                behind = true;
                return;
            }
            ended = true;
        }
        if (!behind) {
            sink.status(status);
        }
    }

    @Override
    public void close() {
        if (subscription != null) {
            subscription.close();
        }
    }

    /** What the subscription decodes: only this run's events count. */
    private final class Live implements RunEvents, StreamDecoder.CountedStatus {

        @Override
        public void recorded(String run, int firstIndex, List<MetricRecord> records) {
            if (run.equals(runId)) {
                for (int i = 0; i < records.size(); i++) {
                    onRecord(firstIndex + i, records.get(i));
                }
            }
        }

        @Override
        public void status(RunStatus status) {
            status(status, -1);
        }

        @Override
        public void status(RunStatus status, int records) {
            if (status.id().equals(runId)) {
                onStatus(status, true, records);
            }
        }
    }
}
