package io.diffusim.actors.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.aeron.Aeron;
import io.aeron.Publication;
import io.diffusim.actors.protocol.FrontDoorCommand.MetricLine;
import io.diffusim.actors.protocol.FrontDoorCommand.Metrics;
import io.diffusim.actors.protocol.FrontDoorCommand.RunStatus;
import io.diffusim.actors.store.MetricRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.agrona.concurrent.SystemNanoClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The late joiner's seam on a stream whose drops are chosen by the test: a log of ten records whose history is
 * served by a fake daemon, live copies published selectively.
 */
class RunFeedTest {

    private static final String RUN = "r";
    private static final Duration NO_RESYNC = Duration.ofHours(1);

    @TempDir
    Path dir;

    private final List<MetricRecord> log = IntStream.range(0, 10)
            .mapToObj(i -> new MetricRecord("kl", "kl", i, 1.0 / (i + 1), i * 0.5)).toList();
    private final List<Integer> historyCalls = new ArrayList<>();
    private int stored;
    private RunStatus status = new RunStatus(RUN, "running", 4, 10, null);

    private Metrics history(String runId, int fromIndex) {
        assertThat(runId).isEqualTo(RUN);
        historyCalls.add(fromIndex);
        List<MetricLine> lines = log.subList(Math.min(fromIndex, stored), stored).stream()
                .map(r -> new MetricLine(r.analysis(), r.metric(), r.step(), r.t(), r.value())).toList();
        return new Metrics(status, lines, stored);
    }

    @Test
    void shouldJoinHistoryAndLiveTailWithoutGapsOrDuplicatesAndFillWhatTheStreamDropped() {
        StreamSettings settings = new StreamSettings(true, "aeron:ipc", 3003, true, dir.resolve("aeron"), 64 * 1024,
                Duration.ofMillis(1), Duration.ofHours(1));
        RecordedEvents sink = new RecordedEvents();
        try (MetricStream stream = MetricStream.open(settings)) {
            MetricPublisher publisher = stream.publisher();
            stored = 4;
            try (RunFeed feed = RunFeed.open(stream.address(), RUN, this::history, sink, NO_RESYNC,
                    SystemNanoClock.INSTANCE)) {
                assertThat(sink.indexesOf(RUN)).containsExactly(0, 1, 2, 3);

                stored = 8;
                publish(publisher, 2, 3, 4);                  // 2 and 3 were in the history already
                publisher.recorded("other-run", 5, List.of(log.get(5)));
                publish(publisher, 7);                        // 5 and 6 dropped by the stream
                Polling.until(feed::poll, () -> feed.nextIndex() == 8, "records up to 7");
                assertThat(historyCalls).containsExactly(0, 5);

                stored = 10;
                status = new RunStatus(RUN, "done", 10, 10, null);
                endOfRunAfterDroppingTheLastTwo(stream.address());
                Polling.until(feed::poll, feed::ended, "the end of the run");
            }
        }
        assertThat(sink.indexesOf(RUN)).isEqualTo(IntStream.range(0, 10).boxed().toList());
        assertThat(sink.recordsOf(RUN)).isEqualTo(log);
        assertThat(sink.indexesOf("other-run")).isEmpty();
        assertThat(sink.statuses).last().isEqualTo(status);
    }

    /** The final status as the publisher sends it when 8 and 9 were offered but not taken: with a log size of 10. */
    private void endOfRunAfterDroppingTheLastTwo(StreamAddress address) {
        StreamEncoder encoder = new StreamEncoder();
        try (Aeron aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(address.aeronDirectory()));
                Publication publication = aeron.addPublication(address.channel(), address.streamId())) {
            assertThat(publication.offer(encoder.buffer(), 0, encoder.status(status, 10))).isPositive();
        }
    }

    private void publish(MetricPublisher publisher, int... indexes) {
        for (int i : indexes) {
            publisher.recorded(RUN, i, List.of(log.get(i)));
        }
    }
}
