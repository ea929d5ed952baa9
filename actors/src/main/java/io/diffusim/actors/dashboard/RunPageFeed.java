package io.diffusim.actors.dashboard;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.diffusim.actors.protocol.FrontDoorCommand.MetricLine;
import io.diffusim.actors.protocol.FrontDoorCommand.RunStatus;
import io.diffusim.actors.store.MetricRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run as its live pages see it: its metric records by log index, the series they make, its latest status and the
 * pages connected to it. A page that connects gets an {@code init} event with every series so far (decimated), then
 * a {@code records} event for each batch of records after those (by log index: no gaps, no duplicates) and a
 * {@code status} event for each change. All under the feed's lock, which only guards memory work.
 *
 * <p>The feed may begin mid-log (a run resumed by a restarted daemon, or one that ended before): it is then
 * incomplete until {@link #fill} gives it the log's head from {@code GetMetrics}.
 */
final class RunPageFeed {

    private final String runId;
    private final int maxPoints;
    private final List<MetricRecord> records = new ArrayList<>();
    private final Map<String, List<double[]>> series = new LinkedHashMap<>();
    private final List<FeedClient> clients = new ArrayList<>();
    private RunStatus status;
    private int base = -1;

    RunPageFeed(String runId, int maxPoints) {
        this.runId = runId;
        this.maxPoints = maxPoints;
    }

    /** Whether the feed holds the run's log from index 0. */
    synchronized boolean complete() {
        return base == 0;
    }

    /** The index the next record will have. */
    synchronized int nextIndex() {
        return Math.max(base, 0) + records.size();
    }

    synchronized int clientCount() {
        return clients.size();
    }

    /** {@code added} were appended to the run's log at {@code firstIndex}, ...; {@code at} is when we heard. */
    synchronized void recorded(int firstIndex, List<MetricRecord> added, Instant at) {
        if (base < 0) {
            base = firstIndex;
        }
        int end = base + records.size();
        if (firstIndex > end) {
            // records were missed: start again from here and let the pages reload from a fresh init
            records.clear();
            series.clear();
            base = firstIndex;
            end = firstIndex;
            send("init", init());
        }
        int skip = end - firstIndex;
        if (skip >= added.size()) {
            return;
        }
        Map<String, Integer> before = new LinkedHashMap<>();
        for (MetricRecord record : added.subList(skip, added.size())) {
            String name = name(record);
            before.putIfAbsent(name, series.getOrDefault(name, List.of()).size());
            records.add(record);
            series.computeIfAbsent(name, n -> new ArrayList<>()).add(new double[] {record.step(), record.value()});
        }
        if (clients.isEmpty()) {
            return; // nobody to tell: a page that connects later gets the series in its init
        }
        ObjectNode event = DashboardJson.object().put("first", end).put("next", end + added.size() - skip)
                .put("at", at.getEpochSecond() * 1e3 + at.getNano() / 1e6);
        ArrayNode updates = event.putArray("series");
        before.forEach((name, oldTotal) -> updates.add(update(name, oldTotal)));
        send("records", DashboardJson.text(event));
    }

    synchronized void status(RunStatus newStatus) {
        status = newStatus;
        if (!clients.isEmpty()) {
            send("status", DashboardJson.text(DashboardJson.status(newStatus)));
        }
    }

    /**
     * The log from index 0 up to {@code nextIndex}, as {@code GetMetrics} answered: completes the feed if it reaches
     * the records held, and sends the connected pages a fresh init.
     */
    synchronized void fill(List<MetricLine> head, int nextIndex, RunStatus current) {
        if (status == null) {
            status = current;
        }
        if (complete() || (base >= 0 && nextIndex < base)) {
            return;
        }
        List<MetricRecord> all = new ArrayList<>();
        int upTo = base < 0 ? head.size() : Math.min(base, head.size());
        head.subList(0, upTo).forEach(l -> all.add(new MetricRecord(l.analysis(), l.metric(), l.step(), l.t(), l.value())));
        all.addAll(records);
        records.clear();
        series.clear();
        base = 0;
        for (MetricRecord record : all) {
            records.add(record);
            series.computeIfAbsent(name(record), n -> new ArrayList<>()).add(new double[] {record.step(), record.value()});
        }
        send("init", init());
    }

    /** Connects a page: it gets the init event now and every later event. */
    synchronized void subscribe(FeedClient client) {
        if (offer(client, "init", init())) {
            clients.add(client);
        }
    }

    /** Disconnects a page that went away. */
    synchronized void unsubscribe(FeedClient client) {
        clients.remove(client);
    }

    /** The init event: status and every series so far, decimated. */
    synchronized String init() {
        ObjectNode event = DashboardJson.object().put("runId", runId).put("next", nextIndex()).put("maxPoints", maxPoints);
        if (status != null) {
            event.set("status", DashboardJson.status(status));
        }
        ArrayNode all = event.putArray("series");
        series.forEach((name, points) -> all.add(full(name, points)));
        return DashboardJson.text(event);
    }

    private ObjectNode update(String name, int oldTotal) {
        List<double[]> points = series.get(name);
        int total = points.size();
        int stride = SeriesDecimation.stride(total, maxPoints);
        if (oldTotal > 0 && stride != SeriesDecimation.stride(oldTotal, maxPoints)) {
            return full(name, points);
        }
        ObjectNode node = header(name, total, stride);
        ArrayNode append = node.putArray("append");
        for (int ordinal = oldTotal; ordinal < total; ordinal++) {
            if (SeriesDecimation.shown(ordinal, stride)) {
                append.addArray().add(points.get(ordinal)[0]).add(points.get(ordinal)[1]);
            }
        }
        return node;
    }

    private ObjectNode full(String name, List<double[]> points) {
        int stride = SeriesDecimation.stride(points.size(), maxPoints);
        ObjectNode node = header(name, points.size(), stride);
        ArrayNode replace = node.putArray("replace");
        for (int ordinal = 0; ordinal < points.size(); ordinal += stride) {
            replace.addArray().add(points.get(ordinal)[0]).add(points.get(ordinal)[1]);
        }
        return node;
    }

    private static ObjectNode header(String name, int total, int stride) {
        return DashboardJson.object().put("name", name).put("total", total)
                .put("shown", SeriesDecimation.shownCount(total, stride));
    }

    private void send(String type, String data) {
        clients.removeIf(client -> !offer(client, type, data));
    }

    /** A client that throws is as good as gone: it is dropped, and the other pages and the feed go on. */
    private static boolean offer(FeedClient client, String type, String data) {
        try {
            return client.offer(type, data);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String name(MetricRecord record) {
        return record.analysis() + "." + record.metric();
    }
}
