package io.diffusim.actors.store;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A {@link RunStore} on the heap, for tests of the actors: the same contract as {@link ChronicleRunStore}, and
 * checkpoints go through the same binary codec, so a stored checkpoint is a copy the caller cannot change.
 */
public final class InMemoryRunStore implements RunStore {

    private record BatchId(String runId, int batch) {
    }

    private final Map<String, RunRecord> runs = new ConcurrentHashMap<>();
    private final Map<BatchId, byte[]> checkpoints = new ConcurrentHashMap<>();
    private final Map<String, Map<MetricKey, IndexedMetric>> metrics = new ConcurrentHashMap<>();

    @Override
    public void putRun(RunRecord run) {
        runs.put(run.id(), run);
    }

    @Override
    public Optional<RunRecord> run(String runId) {
        return Optional.ofNullable(runs.get(runId));
    }

    @Override
    public List<RunRecord> runs() {
        return runs.values().stream()
                .sorted(Comparator.comparingLong(RunRecord::submittedNs).thenComparing(RunRecord::id))
                .toList();
    }

    @Override
    public void putCheckpoint(String runId, int batch, Checkpoint checkpoint) {
        checkpoints.put(new BatchId(runId, batch), CheckpointCodec.encode(checkpoint));
    }

    @Override
    public Optional<Checkpoint> checkpoint(String runId, int batch) {
        return Optional.ofNullable(checkpoints.get(new BatchId(runId, batch)))
                .map(value -> CheckpointCodec.decode(value, "checkpoint of run " + runId + " batch " + batch));
    }

    @Override
    public void putMetric(String runId, long index, MetricRecord record) {
        metrics.computeIfAbsent(runId, id -> new ConcurrentHashMap<>())
                .put(new MetricKey(runId, record.analysis(), record.metric(), record.step()), new IndexedMetric(index, record));
    }

    @Override
    public List<MetricRecord> metrics(String runId) {
        return IndexedMetric.inIndexOrder(metrics.getOrDefault(runId, Map.of()).values());
    }

    @Override
    public void dropCheckpoints(String runId) {
        checkpoints.keySet().removeIf(id -> id.runId().equals(runId));
    }

    /** Number of checkpoints held, all runs together. */
    public int checkpointCount() {
        return checkpoints.size();
    }

    @Override
    public void close() {
        // nothing to release
    }
}
