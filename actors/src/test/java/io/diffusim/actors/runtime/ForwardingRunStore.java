package io.diffusim.actors.runtime;

import io.diffusim.actors.store.Checkpoint;
import io.diffusim.actors.store.InMemoryRunStore;
import io.diffusim.actors.store.MetricRecord;
import io.diffusim.actors.store.RunRecord;
import io.diffusim.actors.store.RunStore;
import java.util.List;
import java.util.Optional;

/** A store in memory that tests' faulty stores extend, overriding only the calls that are to fail. */
public class ForwardingRunStore implements RunStore {

    private final InMemoryRunStore delegate = new InMemoryRunStore();

    @Override
    public void putRun(RunRecord run) {
        delegate.putRun(run);
    }

    @Override
    public Optional<RunRecord> run(String runId) {
        return delegate.run(runId);
    }

    @Override
    public List<RunRecord> runs() {
        return delegate.runs();
    }

    @Override
    public void putCheckpoint(String runId, int batch, Checkpoint checkpoint) {
        delegate.putCheckpoint(runId, batch, checkpoint);
    }

    @Override
    public Optional<Checkpoint> checkpoint(String runId, int batch) {
        return delegate.checkpoint(runId, batch);
    }

    @Override
    public void putMetric(String runId, long index, MetricRecord record) {
        delegate.putMetric(runId, index, record);
    }

    @Override
    public List<MetricRecord> metrics(String runId) {
        return delegate.metrics(runId);
    }

    @Override
    public void dropCheckpoints(String runId) {
        delegate.dropCheckpoints(runId);
    }

    @Override
    public void close() {
    }
}
