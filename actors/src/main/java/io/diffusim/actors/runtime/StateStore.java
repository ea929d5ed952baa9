package io.diffusim.actors.runtime;

import io.diffusim.actors.protocol.FrontDoorCommand;
import io.diffusim.actors.protocol.FrontDoorCommand.MetricsReply;
import io.diffusim.actors.protocol.FrontDoorCommand.RunStatus;
import io.diffusim.actors.store.Checkpoint;
import io.diffusim.actors.store.MetricRecord;
import io.diffusim.actors.store.RunRecord;
import io.diffusim.actors.store.RunStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * The only writer of the daemon's {@link RunStore} (docs/style.md habit 2): runs, checkpoints and metric records arrive
 * as messages and are written in arrival order, so what one sender writes lands in the order it was sent. Before a
 * checkpoint or metric records are written it checks that the disk has room for them and the daemon's headroom
 * ({@link DiskRoom}); a write refused for want of room, or one that fails (a full disk, a full map whose error names
 * the setting to raise), is reported to the sender's {@code onFailure}, and its run pauses. The store is opened and
 * closed by whoever created the daemon.
 */
public final class StateStore extends AbstractBehavior<StateStore.Command> {

    public sealed interface Command {
    }

    public record PutRun(RunRecord run, ActorRef<WriteFailed> onFailure) implements Command {
    }

    /** Metric records of a run, the first at index {@code firstIndex} of the run's log. */
    public record PutMetrics(String runId, int firstIndex, List<MetricRecord> records, ActorRef<WriteFailed> onFailure)
            implements Command {
    }

    /** Checkpoints of several batches of a run at one step boundary, keyed by batch index. */
    public record PutCheckpoints(String runId, Map<Integer, Checkpoint> checkpoints, ActorRef<WriteFailed> onFailure)
            implements Command {
    }

    /**
     * Renames {@code from} to {@code to} (atomically, replacing it) after every write asked before: a training job's
     * checkpoint file takes its name only once the loss records before it are stored.
     */
    public record PromoteFile(String runId, Path from, Path to,
            ActorRef<WriteFailed> onFailure) implements Command {
    }

    public record DropCheckpoints(String runId) implements Command {
    }

    public record LoadRuns(ActorRef<Runs> replyTo) implements Command {
    }

    /** The checkpoints of batches 0..batches-1 that exist, and the run's metric records. */
    public record LoadResume(String runId, int batches, ActorRef<ResumePoint> replyTo) implements Command {
    }

    /** Answers the front door's {@code GetMetrics} for a run that is not in progress. */
    public record ReadMetrics(String runId, int fromIndex, RunStatus status, ActorRef<MetricsReply> replyTo)
            implements Command {
    }

    /** Answers the front door's {@code GetSnapshot}: the run's checkpoints, or {@code samples} once it is done. */
    public record ReadSnapshot(RunRecord run, Path samples, int maxRows, int maxValues,
            ActorRef<FrontDoorCommand.SnapshotReply> replyTo) implements Command {
    }

    public record Runs(List<RunRecord> runs) {
    }

    /** @param error why the stored state could not be read, or null */
    public record ResumePoint(Map<Integer, Checkpoint> checkpoints, List<MetricRecord> metrics, String error) {
    }

    public record WriteFailed(String runId, String error) {
    }

    private final RunStore store;
    private final long headroomBytes;

    private StateStore(ActorContext<Command> context, RunStore store, long headroomBytes) {
        super(context);
        this.store = store;
        this.headroomBytes = headroomBytes;
    }

    /** A store that writes whenever the disk has any room for what it writes. */
    public static Behavior<Command> create(RunStore store) {
        return create(store, 0);
    }

    /** @param headroomBytes free space a checkpoint or metric write must leave on the store's file system */
    public static Behavior<Command> create(RunStore store, long headroomBytes) {
        return Behaviors.setup(context -> new StateStore(context, store, headroomBytes));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(PutRun.class, this::onPutRun)
                .onMessage(PutMetrics.class, this::onPutMetrics)
                .onMessage(PutCheckpoints.class, this::onPutCheckpoints)
                .onMessage(PromoteFile.class, this::onPromoteFile)
                .onMessage(DropCheckpoints.class, this::onDropCheckpoints)
                .onMessage(LoadRuns.class, this::onLoadRuns)
                .onMessage(LoadResume.class, this::onLoadResume)
                .onMessage(ReadMetrics.class, this::onReadMetrics)
                .onMessage(ReadSnapshot.class, this::onReadSnapshot)
                .build();
    }

    private Behavior<Command> onPutRun(PutRun put) {
        write(put.run().id(), put.onFailure(), () -> store.putRun(put.run()));
        return this;
    }

    private Behavior<Command> onPutMetrics(PutMetrics put) {
        if (noRoom(put.runId(), DiskRoom.metricBytes(put.records().size()), put.onFailure())) {
            return this;
        }
        write(put.runId(), put.onFailure(), () -> {
            for (int i = 0; i < put.records().size(); i++) {
                store.putMetric(put.runId(), put.firstIndex() + i, put.records().get(i));
            }
        });
        return this;
    }

    private Behavior<Command> onPutCheckpoints(PutCheckpoints put) {
        if (noRoom(put.runId(), DiskRoom.checkpointBytes(put.checkpoints().values()), put.onFailure())) {
            return this;
        }
        write(put.runId(), put.onFailure(),
                () -> put.checkpoints().forEach((batch, checkpoint) -> store.putCheckpoint(put.runId(), batch, checkpoint)));
        return this;
    }

    private Behavior<Command> onPromoteFile(PromoteFile promote) {
        write(promote.runId(), promote.onFailure(), () -> {
            try {
                Files.move(promote.from(), promote.to(), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("renaming " + promote.from() + " to " + promote.to() + ": " + e, e);
            }
        });
        return this;
    }

    private Behavior<Command> onDropCheckpoints(DropCheckpoints drop) {
        write(drop.runId(), null, () -> store.dropCheckpoints(drop.runId()));
        return this;
    }

    private Behavior<Command> onLoadRuns(LoadRuns load) {
        load.replyTo().tell(new Runs(store.runs()));
        return this;
    }

    private Behavior<Command> onLoadResume(LoadResume load) {
        Map<Integer, Checkpoint> checkpoints = new HashMap<>();
        try {
            for (int batch = 0; batch < load.batches(); batch++) {
                Optional<Checkpoint> checkpoint = store.checkpoint(load.runId(), batch);
                if (checkpoint.isPresent()) {
                    checkpoints.put(batch, checkpoint.get());
                }
            }
            load.replyTo().tell(new ResumePoint(checkpoints, store.metrics(load.runId()), null));
        } catch (RuntimeException e) {
            load.replyTo().tell(new ResumePoint(Map.of(), List.of(), "the stored state of run " + load.runId()
                    + " cannot be read: " + e.getMessage()));
        }
        return this;
    }

    private Behavior<Command> onReadMetrics(ReadMetrics read) {
        read.replyTo().tell(MetricLines.page(store.metrics(read.runId()), read.fromIndex(), read.status()));
        return this;
    }

    private Behavior<Command> onReadSnapshot(ReadSnapshot read) {
        read.replyTo().tell(ParticleSnapshots.read(store, read.run(), read.samples(), read.maxRows(), read.maxValues()));
        return this;
    }

    /** Refuses the write, telling {@code onFailure} why, when the disk lacks room for it and the headroom. */
    private boolean noRoom(String runId, long bytes, ActorRef<WriteFailed> onFailure) {
        Optional<String> shortfall;
        try {
            shortfall = DiskRoom.shortfall(store, bytes, headroomBytes);
        } catch (RuntimeException e) {
            shortfall = Optional.of(Failures.message(e));
        }
        shortfall.ifPresent(error -> failed(runId, error, onFailure));
        return shortfall.isPresent();
    }

    private void write(String runId, ActorRef<WriteFailed> onFailure, Runnable write) {
        try {
            write.run();
        } catch (RuntimeException | InternalError e) {
            // InternalError: the JVM's report of a fault in a memory-mapped write (the disk filled under the map)
            String error = e.getMessage() == null ? e.toString() : e.getMessage();
            failed(runId, "writing to " + store.location() + " failed: " + error, onFailure);
        }
    }

    private void failed(String runId, String error, ActorRef<WriteFailed> onFailure) {
        getContext().getLog().error("writing the state of run {} failed: {}", runId, error);
        if (onFailure != null) {
            onFailure.tell(new WriteFailed(runId, error));
        }
    }
}
