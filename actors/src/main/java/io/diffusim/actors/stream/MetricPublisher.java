package io.diffusim.actors.stream;

import io.aeron.Aeron;
import io.aeron.ConcurrentPublication;
import io.diffusim.actors.protocol.FrontDoorCommand.RunStatus;
import io.diffusim.actors.runtime.RunEvents;
import io.diffusim.actors.store.MetricRecord;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes every run event on the daemon's Aeron stream (docs/architecture.md §4): one {@code offer} per record or
 * status change, never a retry. Whatever the publication does not take at once (back-pressure from a slow
 * subscriber, no subscriber, an admin action, a refused name) is dropped and counted: the store keeps the series
 * complete and late joiners read the gaps from it. The counters go out as a {@code StreamHeartbeat} every heartbeat
 * interval and are logged on close.
 *
 * <p>Thread-safe without locks: the supervisors of several runs call it at once, so it offers on a
 * {@link ConcurrentPublication} (claims its space with an atomic add on the term tail; an exclusive publication
 * would need one writer), and each calling thread encodes into its own {@link StreamEncoder}.
 */
public final class MetricPublisher implements RunEvents, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MetricPublisher.class);
    private final ConcurrentPublication publication;
    private final ThreadLocal<StreamEncoder> encoders = ThreadLocal.withInitial(StreamEncoder::new);
    private final LongAdder published = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final ScheduledExecutorService heartbeats;
    /** Each live run's log size, sent with its statuses so a subscriber sees records missing at the end. */
    private final Map<String, Integer> logSizes = new ConcurrentHashMap<>();

    private MetricPublisher(ConcurrentPublication publication, Duration heartbeatInterval) {
        this.publication = publication;
        this.heartbeats = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "diffusim-stream-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long everyMs = heartbeatInterval.toMillis();
        heartbeats.scheduleAtFixedRate(this::heartbeat, everyMs, everyMs, TimeUnit.MILLISECONDS);
    }

    /** Publishes on {@code channel} / {@code streamId} through {@code aeron}. */
    public static MetricPublisher open(Aeron aeron, String channel, int streamId, Duration heartbeatInterval) {
        return new MetricPublisher(aeron.addPublication(channel, streamId), heartbeatInterval);
    }

    @Override
    public void recorded(String runId, int firstIndex, List<MetricRecord> records) {
        logSizes.merge(runId, firstIndex + records.size(), Math::max);
        StreamEncoder encoder = encoders.get();
        for (int i = 0; i < records.size(); i++) {
            offer(encoder, encoder.record(runId, firstIndex + i, records.get(i)));
        }
    }

    @Override
    public void status(RunStatus status) {
        StreamEncoder encoder = encoders.get();
        offer(encoder, encoder.status(status, logSizes.getOrDefault(status.id(), -1)));
        if (status.ended()) {
            logSizes.remove(status.id());
        }
    }

    /** Messages the publication took so far. */
    public long published() {
        return published.sum();
    }

    /** Messages dropped so far: not taken at once by the publication, or refused by the encoder. */
    public long drops() {
        return dropped.sum();
    }

    private void heartbeat() {
        StreamEncoder encoder = encoders.get();
        offer(encoder, encoder.heartbeat(published(), drops()));
    }

    private void offer(StreamEncoder encoder, int length) {
        if (length != StreamEncoder.REFUSED && publication.offer(encoder.buffer(), 0, length) > 0) {
            published.increment();
        } else {
            dropped.increment();
        }
    }

    @Override
    public void close() {
        heartbeats.shutdownNow();
        LOG.info("metric stream closed: {} messages published, {} dropped", published(), drops());
        publication.close();
    }
}
