package io.diffusim.actors.runtime;

import io.diffusim.actors.protocol.FrontDoorCommand.Metrics;
import io.diffusim.actors.protocol.FrontDoorCommand.RunStatus;
import io.diffusim.actors.store.Checkpoint;
import io.diffusim.actors.store.MetricRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a run in progress has recorded: its metric records in the order they were made (what {@code GetMetrics} pages
 * through and metrics.csv lists), and the batches' checkpoints of each step, held until that step's records are
 * stored so that a checkpoint never runs ahead of the records before it.
 */
final class RunLog {

    private final List<MetricRecord> records = new ArrayList<>();
    private final Map<Integer, Map<Integer, Checkpoint>> dueCheckpoints = new TreeMap<>();

    /**
     * Starts from the stored records (in log order) of the steps before {@code resumeStep}; the later ones will be
     * made again, under the same indexes.
     */
    void restore(List<MetricRecord> stored, int resumeStep) {
        stored.stream().filter(r -> r.step() < resumeStep).forEach(records::add);
    }

    /** Appends records that come after every record so far (one step's, or the final ones), as they were made. */
    void add(List<MetricRecord> later) {
        records.addAll(later);
    }

    int size() {
        return records.size();
    }

    /** Holds batch {@code batch}'s checkpoint taken after {@code step}. */
    void due(int step, int batch, Checkpoint checkpoint) {
        dueCheckpoints.computeIfAbsent(step, k -> new TreeMap<>()).put(batch, checkpoint);
    }

    /** The checkpoints taken after {@code step}, keyed by batch (empty if none), no longer held. */
    Map<Integer, Checkpoint> takeDue(int step) {
        Map<Integer, Checkpoint> due = dueCheckpoints.remove(step);
        return due == null ? Map.of() : due;
    }

    /** The records from {@code fromIndex} on, for a polling client. */
    Metrics page(int fromIndex, RunStatus status) {
        return MetricLines.page(records, fromIndex, status);
    }

    List<MetricRecord> snapshot() {
        return List.copyOf(records);
    }
}
