package io.diffusim.actors.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * What the CLI can ask the daemon (docs/user-guide.md command table). The front door is registered with the
 * receptionist under {@link #KEY}; every request carries its reply address. A request crosses the process boundary
 * only inside an {@link Authenticated} envelope with the daemon's token (docs/security.md): the requests themselves are
 * not bound to a serializer, so a bare one sent from another process is dropped unread. The replies cross alone.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "request")
@JsonSubTypes({@JsonSubTypes.Type(value = FrontDoorCommand.Submit.class, name = "submit"),
        @JsonSubTypes.Type(value = FrontDoorCommand.ListRuns.class, name = "list"),
        @JsonSubTypes.Type(value = FrontDoorCommand.GetStatus.class, name = "status"),
        @JsonSubTypes.Type(value = FrontDoorCommand.Control.class, name = "control"),
        @JsonSubTypes.Type(value = FrontDoorCommand.Export.class, name = "export"),
        @JsonSubTypes.Type(value = FrontDoorCommand.GetMetrics.class, name = "metrics"),
        @JsonSubTypes.Type(value = FrontDoorCommand.GetSnapshot.class, name = "snapshot")})
public sealed interface FrontDoorCommand {

    /** Where the answer goes (any request may also be answered {@link Authenticated.Refused} by the gate). */
    ActorRef<?> replyTo();

    org.apache.pekko.actor.typed.receptionist.ServiceKey<FrontDoorCommand> KEY =
            org.apache.pekko.actor.typed.receptionist.ServiceKey.create(FrontDoorCommand.class, "diffusim-front-door");

    /** Validates and queues a run; answers {@link Submitted} or {@link Rejected} with every spec error. */
    /**
     * A run to start. {@code requestId} (chosen by the client, null for none) makes a retry safe: the daemon answers a
     * Submit whose id it has seen with the run that id started, instead of starting another.
     */
    record Submit(String specText, String specDirectory, String requestId, ActorRef<SubmitReply> replyTo)
            implements FrontDoorCommand {
        public Submit(String specText, String specDirectory, ActorRef<SubmitReply> replyTo) {
            this(specText, specDirectory, null, replyTo);
        }
    }

    record ListRuns(ActorRef<RunList> replyTo) implements FrontDoorCommand {
    }

    record GetStatus(String runId, ActorRef<StatusReply> replyTo) implements FrontDoorCommand {
    }

    /** Pause, resume or stop a run. */
    record Control(String runId, Action action, ActorRef<StatusReply> replyTo) implements FrontDoorCommand {
    }

    /** Writes the run's output directory (docs/user-guide.md layout) on the daemon's machine. */
    record Export(String runId, String outDirectory, ActorRef<ExportReply> replyTo) implements FrontDoorCommand {
    }

    /**
     * A {@link Metrics} reply holds at most this many records (a reply must fit one remoting frame); a full page
     * means more may follow at once.
     */
    int METRICS_PAGE = 20_000;

    /** Metric records of a run from {@code fromIndex} on (for polling watch), plus its status. */
    record GetMetrics(String runId, int fromIndex, ActorRef<MetricsReply> replyTo) implements FrontDoorCommand {
    }

    /**
     * The run's resolved spec and a sample of its current particles (the latest checkpoints while it runs, its final
     * samples once done): at most {@code maxRows} particles and {@code maxValues} numbers (for image runs); 0 for
     * the spec and status alone.
     */
    record GetSnapshot(String runId, int maxRows, int maxValues, ActorRef<SnapshotReply> replyTo)
            implements FrontDoorCommand {
    }

    enum Action { PAUSE, RESUME, STOP }

    sealed interface SubmitReply extends CborSerializable {
    }

    record Submitted(String runId) implements SubmitReply {
    }

    record Rejected(List<String> errors) implements SubmitReply {
    }

    /**
     * status --json fields (docs/user-guide.md): state is queued|running|paused|stopping|done|failed|stopped; error
     * may be null; the pace is NaN while unknown, and {@code secondsLeft} also for a sampler that stops early.
     */
    record RunStatus(String id, String state, int step, int steps, String error, double stepsPerSecond,
            double secondsLeft) implements CborSerializable {

        /** A status with no pace known (a run not sampling, or one this process only read from the store). */
        public RunStatus(String id, String state, int step, int steps, String error) {
            this(id, state, step, steps, error, Double.NaN, Double.NaN);
        }

        /** Done, failed or stopped: nothing more happens to the run. */
        public boolean ended() {
            return state.equals("done") || state.equals("failed") || state.equals("stopped");
        }

        /** Why a failed or stopped run ended, or why a run paused that was not asked to; else null. */
        public String reason() {
            return switch (state) {
                case "failed", "paused" -> error;
                case "stopped" -> "stopped on request at step " + step + " of " + steps;
                default -> null;
            };
        }
    }

    sealed interface StatusReply extends CborSerializable {
    }

    record Status(RunStatus status) implements StatusReply {
    }

    record UnknownRun(String runId) implements StatusReply, ExportReply, MetricsReply, SnapshotReply {
    }

    /** A control action that does not apply to the run as it is (pause a done run, resume a running one). */
    record NotApplied(RunStatus status, String reason) implements StatusReply {
    }

    /** @param notices what the daemon's store set aside as damaged when it started (docs/user-guide.md, fsck) */
    record RunList(List<RunStatus> runs, List<String> notices) implements CborSerializable {

        public RunList(List<RunStatus> runs) {
            this(runs, List.of());
        }

        public RunList {
            notices = notices == null ? List.of() : List.copyOf(notices);
        }
    }

    sealed interface ExportReply extends CborSerializable {
    }

    record Exported(String outDirectory) implements ExportReply {
    }

    record ExportFailed(String error) implements ExportReply {
    }

    sealed interface MetricsReply extends CborSerializable {
    }

    record Metrics(RunStatus status, List<MetricLine> records, int nextIndex) implements MetricsReply {
    }

    record MetricLine(String analysis, String metric, long step, double t, double value) implements CborSerializable {
    }

    sealed interface SnapshotReply extends CborSerializable {
    }

    /**
     * @param step      the step of the particles (the latest checkpoint's, or the final step)
     * @param dimension floats per particle; 0 when there are no particles to show yet
     * @param particles how many particles the source held ({@code points} is a stride sample of them)
     * @param points    row-major, {@code points.length / dimension} particles
     */
    record Snapshot(RunStatus status, String spec, int step, int dimension, int particles, float[] points)
            implements SnapshotReply {
    }
}
