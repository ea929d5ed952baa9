package io.diffusim.actors.runtime;

import io.diffusim.actors.protocol.FrontDoorCommand.Action;
import io.diffusim.actors.protocol.FrontDoorCommand.RunStatus;
import io.diffusim.actors.store.RunRecord;
import io.diffusim.analysis.run.RunIds;
import io.diffusim.config.RunSpec;
import io.diffusim.config.SpecRenderer;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry's table of runs, in submission order, with the queue of runs waiting for a supervisor, and what
 * control means for a run that has none: a queued run can be stopped or paused (parked, out of the queue), a
 * parked one resumed (queued again); ended runs stay as they are. Methods return the records they changed.
 */
final class RunTable {

    private final Map<String, RunRecord> runs = new LinkedHashMap<>();
    private final Deque<String> waiting = new ArrayDeque<>();
    private final Map<String, double[]> paces = new HashMap<>();
    private long lastSubmittedNs;

    /**
     * Takes in the stored runs; returns those it changed: a stored queued or running run was cut short and is queued
     * again, a stopping one had been asked to stop and is stopped.
     */
    List<RunRecord> restore(List<RunRecord> stored) {
        List<RunRecord> changed = new ArrayList<>();
        for (RunRecord run : stored) {
            put(run);
            lastSubmittedNs = Math.max(lastSubmittedNs, run.submittedNs());
            if (run.state().equals(RunStates.RUNNING) && run.interruptions() > 0) {
                changed.add(changed(run.withState(RunStates.FAILED, "the daemon stopped twice while this run was"
                        + " running, with no checkpoint written in between (the last time after step " + run.step()
                        + "); it is not resumed again")));
            } else if (run.state().equals(RunStates.RUNNING)) {
                changed.add(enqueue(run.withInterruptions(1)));
            } else if (run.state().equals(RunStates.QUEUED)) {
                changed.add(enqueue(run));
            } else if (run.state().equals(RunStates.STOPPING)) {
                changed.add(changed(run.withState(RunStates.STOPPED, null)));
            }
        }
        return changed;
    }

    /** A new queued run of {@code spec} with an id no other run has (RunIds, plus -2, -3, ... when taken). */
    RunRecord submit(RunSpec spec, Instant now) {
        String base = RunIds.of(spec, now);
        String id = base;
        for (int n = 2; runs.containsKey(id); n++) {
            id = base + "-" + n;
        }
        lastSubmittedNs = Math.max(lastSubmittedNs + 1, now.getEpochSecond() * 1_000_000_000L + now.getNano());
        return enqueue(new RunRecord(id, SpecRenderer.render(spec), RunStates.QUEUED, 0, 0, lastSubmittedNs, null));
    }

    RunRecord get(String runId) {
        return runs.get(runId);
    }

    Collection<RunRecord> all() {
        return runs.values();
    }

    void put(RunRecord run) {
        runs.put(run.id(), run);
    }

    /** A running run's pace as its supervisor measured it, shown by {@link #status} while it runs. */
    void pace(String runId, double stepsPerSecond, double secondsLeft) {
        paces.put(runId, new double[] {stepsPerSecond, secondsLeft});
    }

    /** The longest-waiting run, or null. */
    RunRecord pollWaiting() {
        String id = waiting.poll();
        return id == null ? null : runs.get(id);
    }

    /** Control of a run without a supervisor; returns the run as it is afterwards. */
    RunRecord controlIdle(RunRecord run, Action action) {
        String state = run.state();
        if (action == Action.STOP && !RunStates.ended(state)) {
            waiting.remove(run.id());
            return changed(run.withState(RunStates.STOPPED, null));
        }
        if (action == Action.PAUSE && state.equals(RunStates.QUEUED)) {
            waiting.remove(run.id());
            return changed(run.withState(RunStates.PAUSED, null));
        }
        if (action == Action.RESUME && state.equals(RunStates.PAUSED)) {
            return enqueue(run);
        }
        return run;
    }

    /** A run whose supervisor stopped midway goes first in the queue, to resume from its checkpoints. */
    RunRecord requeueFirst(RunRecord run) {
        waiting.remove(run.id());
        waiting.addFirst(run.id());
        return changed(run.withState(RunStates.QUEUED, null));
    }

    /** The run's status, with its pace while it is running. */
    RunStatus status(RunRecord run) {
        double[] pace = run.state().equals(RunStates.RUNNING) ? paces.get(run.id()) : null;
        return pace == null ? stored(run)
                : new RunStatus(run.id(), run.state(), run.step(), run.steps(), run.error(), pace[0], pace[1]);
    }

    /** The status the record alone says, without a pace. */
    static RunStatus stored(RunRecord run) {
        return new RunStatus(run.id(), run.state(), run.step(), run.steps(), run.error());
    }

    private RunRecord enqueue(RunRecord run) {
        waiting.add(run.id());
        return changed(run.withState(RunStates.QUEUED, null));
    }

    private RunRecord changed(RunRecord run) {
        put(run);
        return run;
    }
}
