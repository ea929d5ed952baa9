package io.diffusim.actors.stream;

import io.diffusim.actors.protocol.FrontDoorCommand.RunStatus;
import io.diffusim.actors.runtime.RunEvents;
import io.diffusim.actors.store.MetricRecord;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every event it is told, one record per entry with its run and index; safe to read from another thread. */
final class RecordedEvents implements RunEvents {

    record Indexed(String runId, int index, MetricRecord record) {
    }

    final List<Indexed> records = new CopyOnWriteArrayList<>();
    final List<RunStatus> statuses = new CopyOnWriteArrayList<>();

    @Override
    public void recorded(String runId, int firstIndex, List<MetricRecord> added) {
        for (int i = 0; i < added.size(); i++) {
            records.add(new Indexed(runId, firstIndex + i, added.get(i)));
        }
    }

    @Override
    public void status(RunStatus status) {
        statuses.add(status);
    }

    List<MetricRecord> recordsOf(String runId) {
        return records.stream().filter(r -> r.runId().equals(runId)).map(Indexed::record).toList();
    }

    List<Integer> indexesOf(String runId) {
        return records.stream().filter(r -> r.runId().equals(runId)).map(Indexed::index).toList();
    }
}
