package io.diffusim.actors.runtime;

import io.diffusim.actors.protocol.FrontDoorCommand.RunStatus;
import io.diffusim.actors.protocol.FrontDoorCommand.Status;
import io.diffusim.actors.store.MetricRecord;
import io.diffusim.actors.store.RunRecord;
import io.diffusim.analysis.run.StepRate;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * What a run's actor (a {@link RunSupervisor} or a {@link TrainingRun}) tells the others about it: its record, told to
 * the store, the registry and the live events; its pace while running; and its metric log, stored under its
 * indexes and streamed as it grows. Both kinds of run answer the registry the same way through it.
 */
final class RunReport {

    private final RunSupervisor.Services services;
    private final ActorRef<StateStore.WriteFailed> storeFailures;
    private final RunLog log = new RunLog();
    private RunRecord record;
    private StepRate rate;

    RunReport(RunRecord record, RunSupervisor.Services services, ActorRef<StateStore.WriteFailed> storeFailures) {
        this.record = record;
        this.services = services;
        this.storeFailures = storeFailures;
    }

    RunRecord record() {
        return record;
    }

    String id() {
        return record.id();
    }

    RunLog log() {
        return log;
    }

    /** A change worth keeping: stored, then reported. */
    void update(RunRecord updated) {
        record = updated;
        services.store().tell(new StateStore.PutRun(updated, storeFailures));
        announce(updated);
    }

    /**
     * A change the registry and the live streams hear of but the store does not (a step between checkpoints: a resume
     * starts from the stored one, and a record rewritten every step would only widen the window a kill tears it in).
     */
    void announce(RunRecord updated) {
        record = updated;
        RunStatus status = status();
        services.registry().tell(new RunRegistry.RunUpdated(record, status.stepsPerSecond(), status.secondsLeft()));
        services.events().status(status);
    }

    /** Step {@code step} taken: the pace hears of it, and the record moves on (stored with a checkpoint only). */
    void stepped(int step, boolean stored) {
        rate.observe(step, System.nanoTime());
        if (stored) {
            update(record.withStep(step));
        } else {
            announce(record.withStep(step));
        }
    }

    /** The record changes unannounced: the update that follows at once tells of it. */
    void revise(RunRecord revised) {
        record = revised;
    }

    /** Appends records to the log, stores them under their log indexes, and tells the live streams. */
    void add(List<MetricRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        int first = log.size();
        log.add(records);
        services.store().tell(new StateStore.PutMetrics(record.id(), first, records, storeFailures));
        services.events().recorded(record.id(), first, records);
    }

    /** The whole log stored again, after a write of it failed (a record's key makes a second put harmless). */
    void storeLogAgain() {
        services.store().tell(new StateStore.PutMetrics(record.id(), 0, log.snapshot(), storeFailures));
    }

    /**
     * The pace measured afresh after a start, a resume from pause and a restart: time spent idle is not in it.
     *
     * @param stopsEarly whether particles may end before the last step (the pace then counts them)
     */
    void restartPace(boolean stopsEarly) {
        rate = new StepRate(stopsEarly);
        rate.observe(record.step(), System.nanoTime());
    }

    /** With the pace while running. */
    RunStatus status() {
        boolean paced = rate != null && record.state().equals(RunStates.RUNNING);
        return new RunStatus(record.id(), record.state(), record.step(), record.steps(), record.error(),
                paced ? rate.stepsPerSecond() : Double.NaN, paced ? rate.secondsLeft(record.steps()) : Double.NaN);
    }

    void answer(RunSupervisor.GetMetrics get) {
        get.replyTo().tell(log.page(get.fromIndex(), status()));
    }

    void answer(RunSupervisor.Control control) {
        control.replyTo().tell(new Status(status()));
    }

    /**
     * After the end: the run still answers the control and metric requests the registry forwarded before it saw the
     * end, and stops on {@link RunSupervisor.Retire}.
     */
    Behavior<RunSupervisor.Command> ended() {
        return Behaviors.receive(RunSupervisor.Command.class)
                .onMessage(RunSupervisor.Control.class, control -> {
                    answer(control);
                    return Behaviors.same();
                })
                .onMessage(RunSupervisor.GetMetrics.class, get -> {
                    answer(get);
                    return Behaviors.same();
                })
                .onMessage(RunSupervisor.Retire.class, retire -> Behaviors.stopped())
                .onAnyMessage(ignored -> Behaviors.same())
                .build();
    }
}
