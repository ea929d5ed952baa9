package io.diffusim.actors.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffusim.actors.protocol.FrontDoorCommand.MetricLine;
import io.diffusim.actors.protocol.FrontDoorCommand.Metrics;
import io.diffusim.actors.store.MetricRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.agrona.concurrent.SystemNanoClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stream of a real daemon run: a subscriber that never reads costs the run nothing but dropped messages, and a
 * joiner that arrives mid-run gets exactly the stored series.
 */
class DaemonStreamTest {

    /** The smallest term: a stalled subscriber blocks the publication after half of it (32 KiB). */
    private static final int TERM = 64 * 1024;

    @TempDir
    static Path dir;

    private static StreamedDaemon daemon;

    @BeforeAll
    static void start() {
        daemon = StreamedDaemon.start(dir, TERM);
    }

    @AfterAll
    static void stop() {
        daemon.close();
    }

    private static List<MetricRecord> stored(String runId) {
        return daemon.metrics(runId).records().stream()
                .map(l -> new MetricRecord(l.analysis(), l.metric(), l.step(), l.t(), l.value())).toList();
    }

    @Test
    void shouldFinishARunAndKeepItsSeriesCompleteWhileASubscriberNeverReads() {
        long dropsBefore = daemon.publisher().drops();
        try (MetricSubscription stalled = MetricSubscription.connect(daemon.settings.address(), new RecordedEvents())) {
            String id = daemon.submit(StreamedDaemon.spec("stalled", 200));
            assertThat(daemon.awaitEnd(id).state()).isEqualTo("done");
            assertThat(daemon.publisher().drops()).isGreaterThan(dropsBefore);
            List<MetricRecord> produced = daemon.produced.recordsOf(id);
            assertThat(produced).hasSizeGreaterThan(200);
            assertThat(stored(id)).isEqualTo(produced);
            assertThat(daemon.produced.indexesOf(id)).isEqualTo(IntStream.range(0, produced.size()).boxed().toList());
        }
    }

    @Test
    void shouldGiveALateJoinerTheStoredSeriesExactlyOnceInOrder() {
        String id = daemon.submit(StreamedDaemon.spec("joined", 200));
        daemon.await(id, s -> s.steps() > 0 && s.step() >= s.steps() / 2);
        RecordedEvents received = new RecordedEvents();
        int history;
        try (RunFeed feed = RunFeed.open(daemon.settings.address(), id, daemon.client::metrics, received,
                daemon.client.settings().pollInterval(), SystemNanoClock.INSTANCE)) {
            history = feed.nextIndex();
            Polling.until(feed::poll, feed::ended, "the end of the run");
        }
        Metrics end = daemon.metrics(id);
        assertThat(end.status().state()).isEqualTo("done");
        assertThat(received.statuses).last().isEqualTo(end.status());
        assertThat(history).as("joined mid-run").isPositive().isLessThan(end.nextIndex());
        assertThat(received.recordsOf(id)).isEqualTo(stored(id));
        assertThat(received.indexesOf(id)).isEqualTo(IntStream.range(0, end.nextIndex()).boxed().toList());
    }
}
