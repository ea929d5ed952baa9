package io.diffusim.actors.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.diffusim.actors.protocol.FrontDoorCommand.MetricLine;
import io.diffusim.actors.protocol.FrontDoorCommand.RunStatus;
import io.diffusim.actors.store.MetricRecord;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A run's feed as a page sees it: decimation, late joiners, filling the head of the log, slow pages. */
class RunPageFeedTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What run.js keeps: the points of each series' chart, applied from the events as the page applies them. */
    private static final class Page implements FeedClient {
        final Map<String, List<Double>> steps = new LinkedHashMap<>();
        final Map<String, Integer> shown = new LinkedHashMap<>();
        final Map<String, Integer> total = new LinkedHashMap<>();
        final List<String> types = new ArrayList<>();
        String state;

        @Override
        public boolean offer(String type, String data) {
            types.add(type);
            JsonNode event = read(data);
            switch (type) {
                case "init" -> {
                    steps.clear();
                    event.get("series").forEach(this::apply);
                }
                case "records" -> event.get("series").forEach(this::apply);
                case "status" -> state = event.get("state").asText();
                default -> throw new IllegalArgumentException(type);
            }
            return true;
        }

        private void apply(JsonNode series) {
            String name = series.get("name").asText();
            List<Double> points = steps.computeIfAbsent(name, n -> new ArrayList<>());
            if (series.has("replace")) {
                points.clear();
                series.get("replace").forEach(p -> points.add(p.get(0).asDouble()));
            } else {
                series.get("append").forEach(p -> points.add(p.get(0).asDouble()));
            }
            shown.put(name, series.get("shown").asInt());
            total.put(name, series.get("total").asInt());
        }
    }

    private static MetricRecord record(long step) {
        return new MetricRecord("noise-posterior", "t-mean", step, step * 0.5, step * 2.0);
    }

    private static List<MetricRecord> records(int from, int to) {
        return IntStream.range(from, to).mapToObj(RunPageFeedTest::record).toList();
    }

    private static List<Double> steps(int from, int to, int stride) {
        return IntStream.range(from, to).filter(i -> (i - from) % stride == 0).mapToObj(i -> (double) i).toList();
    }

    @Test
    void shouldKeepEveryPageWithinMaxPointsAndShowingWhatTheServerSays() {
        RunPageFeed feed = new RunPageFeed("r", 8);
        Page early = new Page();
        feed.subscribe(early);
        for (int i = 0; i < 100; i += 3) {
            feed.recorded(i, records(i, Math.min(i + 3, 100)), Instant.now());
            List<Double> points = early.steps.get("noise-posterior.t-mean");
            assertThat(points).hasSize(early.shown.get("noise-posterior.t-mean")).hasSizeLessThanOrEqualTo(8);
        }
        assertThat(early.total.get("noise-posterior.t-mean")).isEqualTo(100);
        int stride = SeriesDecimation.stride(100, 8);
        assertThat(stride).isEqualTo(16);
        assertThat(early.steps.get("noise-posterior.t-mean")).isEqualTo(steps(0, 100, stride));

        Page late = new Page();
        feed.subscribe(late);
        assertThat(late.steps).isEqualTo(early.steps);
    }

    @Test
    void shouldGiveALatePageTheSeriesSoFarThenTheLiveTailWithoutGapsOrDuplicates() {
        RunPageFeed feed = new RunPageFeed("r", 500);
        feed.recorded(0, records(0, 10), Instant.now());
        Page page = new Page();
        feed.subscribe(page);
        feed.recorded(10, records(10, 13), Instant.now());
        feed.recorded(12, records(12, 15), Instant.now());
        feed.recorded(15, records(15, 16), Instant.now());
        feed.status(new RunStatus("r", "paused", 16, 40, null));
        assertThat(page.steps.get("noise-posterior.t-mean")).isEqualTo(steps(0, 16, 1));
        assertThat(page.types).containsExactly("init", "records", "records", "records", "status");
        assertThat(page.state).isEqualTo("paused");
        assertThat(feed.nextIndex()).isEqualTo(16);
    }

    @Test
    void shouldFillTheHeadOfTheLogOfAFeedThatBeganMidway() {
        RunPageFeed feed = new RunPageFeed("r", 500);
        feed.recorded(5, records(5, 10), Instant.now());
        Page page = new Page();
        feed.subscribe(page);
        assertThat(feed.complete()).isFalse();
        assertThat(page.steps.get("noise-posterior.t-mean")).isEqualTo(steps(5, 10, 1));

        List<MetricLine> head = records(0, 8).stream()
                .map(r -> new MetricLine(r.analysis(), r.metric(), r.step(), r.t(), r.value())).toList();
        feed.fill(head, 8, new RunStatus("r", "running", 10, 40, null));
        assertThat(feed.complete()).isTrue();
        assertThat(page.types).containsExactly("init", "init");
        assertThat(page.steps.get("noise-posterior.t-mean")).isEqualTo(steps(0, 10, 1));
    }

    @Test
    void shouldDropAPageThatCannotKeepUp() {
        RunPageFeed feed = new RunPageFeed("r", 500);
        List<String> taken = new ArrayList<>();
        feed.subscribe((type, data) -> taken.add(type) && taken.size() < 2);
        feed.recorded(0, records(0, 1), Instant.now());
        assertThat(feed.clientCount()).isZero();
        feed.recorded(1, records(1, 2), Instant.now());
        assertThat(taken).containsExactly("init", "records");
    }

    private static JsonNode read(String data) {
        try {
            return JSON.readTree(data);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
