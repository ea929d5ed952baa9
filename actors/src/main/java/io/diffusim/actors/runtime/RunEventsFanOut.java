package io.diffusim.actors.runtime;

import io.diffusim.actors.protocol.FrontDoorCommand.RunStatus;
import io.diffusim.actors.store.MetricRecord;
import java.util.List;

/**
 * Where a daemon's runs publish their events, once: each observer gets them through its own {@link IsolatedObserver},
 * so a slow, stuck or failing observer delays or hurts neither the run nor the other observers.
 */
public final class RunEventsFanOut implements RunEvents, AutoCloseable {

    private final List<IsolatedObserver> observers;

    private RunEventsFanOut(List<IsolatedObserver> observers) {
        this.observers = observers;
    }

    /** Starts one isolated observer per entry, each holding at most {@code capacity} record batches in waiting. */
    public static RunEventsFanOut isolating(List<RunObserver> observers, int capacity) {
        return new RunEventsFanOut(observers.stream()
                .map(observer -> new IsolatedObserver(observer.name(), observer.events(), capacity)).toList());
    }

    @Override
    public void recorded(String runId, int firstIndex, List<MetricRecord> records) {
        observers.forEach(observer -> observer.recorded(runId, firstIndex, records));
    }

    @Override
    public void status(RunStatus status) {
        observers.forEach(observer -> observer.status(status));
    }

    @Override
    public void close() {
        observers.forEach(IsolatedObserver::close);
    }
}
