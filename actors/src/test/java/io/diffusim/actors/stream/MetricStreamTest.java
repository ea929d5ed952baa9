package io.diffusim.actors.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffusim.actors.protocol.FrontDoorCommand.RunStatus;
import io.diffusim.actors.store.MetricRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publisher to subscriber over the embedded driver: what goes in comes out, and what nobody takes is counted. */
class MetricStreamTest {

    @TempDir
    Path dir;

    private StreamSettings settings() {
        return new StreamSettings(true, "aeron:ipc", 2002, true, dir.resolve("aeron"), 64 * 1024, Duration.ofMillis(1),
                Duration.ofMillis(50));
    }

    @Test
    void shouldDeliverRecordsAndStatusesInOrderWithEveryField() {
        RecordedEvents received = new RecordedEvents();
        List<MetricRecord> records = List.of(new MetricRecord("kl", "kl", 3, 0.25, Double.NaN),
                new MetricRecord("noise-posterior", "var-t", 4, -0.0, 1e-300), new MetricRecord("w1", "w1", 5, 1, -2.5));
        List<RunStatus> statuses = List.of(new RunStatus("run-a", "running", 5, 10, null),
                new RunStatus("run-a", "failed", 6, 10, "diverged"));
        try (MetricStream stream = MetricStream.open(settings());
                MetricSubscription subscription = MetricSubscription.connect(stream.address(), received)) {
            Polling.until(subscription::poll, subscription::connected, "the subscription to connect");
            stream.publisher().recorded("run-a", 7, records);
            statuses.forEach(stream.publisher()::status);
            Polling.until(subscription::poll, () -> received.statuses.size() == statuses.size(), "every message");
            assertThat(received.recordsOf("run-a")).isEqualTo(records);
            assertThat(received.indexesOf("run-a")).containsExactly(7, 8, 9);
            assertThat(received.statuses).isEqualTo(statuses);
            assertThat(stream.publisher().drops()).isZero();
        }
    }

    @Test
    void shouldCountWhatNobodyTookAndReportItInTheHeartbeat() {
        try (MetricStream stream = MetricStream.open(settings())) {
            stream.publisher().recorded("run-b", 0, List.of(new MetricRecord("kl", "kl", 1, 0, 1),
                    new MetricRecord("kl", "kl", 2, 0, 1)));
            stream.publisher().status(new RunStatus("run-b", "running", 2, 4, null));
            assertThat(stream.publisher().drops()).isGreaterThanOrEqualTo(3);
            try (MetricSubscription subscription = MetricSubscription.connect(stream.address(), new RecordedEvents())) {
                Polling.until(subscription::poll, () -> subscription.publisherDrops() >= 3, "a heartbeat with the drops");
            }
        }
    }

    @Test
    void shouldTakeRecordsFromSeveralThreadsAtOnce() throws Exception {
        RecordedEvents received = new RecordedEvents();
        int threads = 4;
        int perThread = 500;
        StreamSettings big = new StreamSettings(true, "aeron:ipc", 2003, true, dir.resolve("aeron-big"), 1024 * 1024,
                Duration.ofMillis(1), Duration.ofSeconds(10));
        try (MetricStream stream = MetricStream.open(big);
                MetricSubscription subscription = MetricSubscription.connect(stream.address(), received)) {
            Polling.until(subscription::poll, subscription::connected, "the subscription to connect");
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String run = "run-" + t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        stream.publisher().recorded(run, i, List.of(new MetricRecord("kl", "kl", i, 0, i)));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
            long expected = threads * (long) perThread - stream.publisher().drops();
            Polling.until(subscription::poll, () -> received.records.size() == expected, "every published record");
            for (int t = 0; t < threads; t++) {
                // each run's records arrive whole and in its own order, however the threads interleaved
                List<Integer> indexes = received.indexesOf("run-" + t);
                assertThat(indexes).isSorted().doesNotHaveDuplicates();
                received.recordsOf("run-" + t).forEach(r -> assertThat(r.value()).isEqualTo((double) r.step()));
            }
        }
        assertThat(Files.exists(dir.resolve("aeron-big"))).as("the driver deletes its directory").isFalse();
    }
}
