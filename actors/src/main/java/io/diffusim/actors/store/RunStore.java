package io.diffusim.actors.store;

import java.util.List;
import java.util.Optional;

/**
 * The daemon's persisted state (docs/architecture.md §4): runs (spec and status), particle checkpoints, metric
 * series. One owner process writes; a restarted daemon reads it back to resume unfinished runs.
 * Implementations: the Chronicle Map store on disk, and an in-memory one for tests.
 */
public interface RunStore extends AutoCloseable {

    /** Inserts or replaces a run record. */
    void putRun(RunRecord run);

    Optional<RunRecord> run(String runId);

    /** Every run, in submission order. */
    List<RunRecord> runs();

    /** Inserts or replaces the checkpoint of one particle batch of a run. */
    void putCheckpoint(String runId, int batch, Checkpoint checkpoint);

    Optional<Checkpoint> checkpoint(String runId, int batch);

    /**
     * Inserts or replaces one metric record (keyed by run, analysis, metric, step); {@code index} is its position
     * in the run's log, the order of metrics.csv and of {@code GetMetrics}.
     */
    void putMetric(String runId, long index, MetricRecord record);

    /** The run's metric records in the order of their indexes. */
    List<MetricRecord> metrics(String runId);

    /** Drops a run's checkpoints (after it ended) so their space is reused; the run record and metrics stay. */
    void dropCheckpoints(String runId);

    /** Bytes the file system holding the store can still take ({@link Long#MAX_VALUE} for a store in memory). */
    default long usableBytes() {
        return Long.MAX_VALUE;
    }

    /**
     * What the store found damaged when it opened and could not keep (a file set aside, a record it skips), one line
     * each for the log and {@code list}; empty when all was well.
     */
    default List<String> notices() {
        return List.of();
    }

    /** Where the store's files are, for messages. */
    default String location() {
        return "memory";
    }

    @Override
    void close();
}
