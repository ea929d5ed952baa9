package io.diffusim.actors.runtime;

import io.diffusim.actors.protocol.FrontDoorCommand.RunStatus;
import io.diffusim.actors.store.MetricRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One observer of the runs' events (the metric stream, the dashboard, a test's recorder) on a thread of its own, so
 * that nothing it does reaches a run (docs/supervision.md, "Observers"). The run's side only appends to a small
 * per-run buffer under a short lock and never waits:
 * <ul>
 *   <li>metric records wait, at most {@code capacity} batches over all runs; past that they are dropped and counted
 *       (the store keeps every record, and each observer mends gaps from it: the dashboard starts its charts again,
 *       a stream subscriber re-reads the log);</li>
 *   <li>status changes are conflated per run: the observer gets a run's waiting records in order, then its latest
 *       status, so a status always follows the records logged before it and a slow observer never has a backlog of
 *       statuses;</li>
 *   <li>an observer that throws is logged once at WARN and removed; one that never returns holds only its own
 *       thread, and what waits for it stops growing at {@code capacity}.</li>
 * </ul>
 */
public final class IsolatedObserver implements RunEvents, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IsolatedObserver.class);

    private record Recorded(int firstIndex, List<MetricRecord> records) {
    }

    /** What waits for the observer of one run. */
    private static final class Waiting {
        final List<Recorded> records = new ArrayList<>();
        RunStatus status;
    }

    private final String name;
    private final RunEvents observer;
    private final int capacity;
    private final Object lock = new Object();
    /** Guarded by {@link #lock}; a run is here exactly when its id is in {@link #due}. */
    private final Map<String, Waiting> waiting = new HashMap<>();
    private final LinkedBlockingQueue<String> due = new LinkedBlockingQueue<>();
    private int waitingBatches;
    private final LongAdder dropped = new LongAdder();
    private boolean behind;
    private final Thread thread;
    private volatile boolean removed;

    /**
     * Starts the observer's thread.
     *
     * @param name     what the log calls it, e.g. "dashboard"
     * @param capacity record batches that may wait for it before further ones are dropped
     */
    public IsolatedObserver(String name, RunEvents observer, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity = " + capacity + ": expected >= 1");
        }
        this.name = name;
        this.observer = observer;
        this.capacity = capacity;
        this.thread = new Thread(this::deliverAll, "diffusim-observer-" + name.replace(' ', '-'));
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void recorded(String runId, int firstIndex, List<MetricRecord> records) {
        if (removed) {
            return;
        }
        synchronized (lock) {
            if (waitingBatches >= capacity) {
                dropped.add(records.size());
                if (!behind) {
                    behind = true;
                    LOG.warn("observer '{}' is falling behind: metric records are dropped for it until it catches up "
                            + "(the store keeps them all)", name);
                }
                return;
            }
            waitingBatches++;
            waitingFor(runId).records.add(new Recorded(firstIndex, List.copyOf(records)));
        }
    }

    @Override
    public void status(RunStatus status) {
        if (removed) {
            return;
        }
        synchronized (lock) {
            waitingFor(status.id()).status = status;
        }
    }

    /** Metric records dropped for this observer so far. */
    public long dropped() {
        return dropped.sum();
    }

    /** Whether the observer failed and no longer gets events. */
    public boolean removed() {
        return removed;
    }

    /** Ends the observer's thread; events still waiting are not delivered. */
    @Override
    public void close() {
        removed = true;
        thread.interrupt();
        if (dropped() > 0) {
            LOG.info("observer '{}' closed: {} metric records were dropped for it", name, dropped());
        }
    }

    private Waiting waitingFor(String runId) {
        return waiting.computeIfAbsent(runId, id -> {
            due.add(id);
            return new Waiting();
        });
    }

    private void deliverAll() {
        try {
            while (!removed) {
                String runId = due.take();
                Waiting run;
                synchronized (lock) {
                    run = waiting.remove(runId);
                    waitingBatches -= run.records.size();
                    if (waitingBatches == 0 && behind) {
                        behind = false;
                        LOG.info("observer '{}' caught up ({} metric records dropped for it so far)", name, dropped());
                    }
                }
                deliver(runId, run);
            }
        } catch (InterruptedException closed) {
            // close(): the daemon is shutting down
        }
    }

    private void deliver(String runId, Waiting run) {
        try {
            for (Recorded recorded : run.records) {
                observer.recorded(runId, recorded.firstIndex(), recorded.records());
            }
            if (run.status != null) {
                observer.status(run.status);
            }
        } catch (RuntimeException | LinkageError | AssertionError e) {
            removed = true;
            synchronized (lock) {
                waiting.clear();
                due.clear();
            }
            LOG.warn("observer '{}' failed and no longer gets run events (runs go on): {}", name, e.toString(), e);
        }
    }
}
