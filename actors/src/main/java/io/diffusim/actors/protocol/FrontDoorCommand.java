package io.diffusim.actors.protocol;

import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * What the CLI can ask the daemon (RUNSPEC.md command table). The front door is registered with the
 * receptionist under {@link #KEY}; every request carries its reply address. Crosses the process boundary.
 */
public sealed interface FrontDoorCommand extends CborSerializable {

    org.apache.pekko.actor.typed.receptionist.ServiceKey<FrontDoorCommand> KEY =
            org.apache.pekko.actor.typed.receptionist.ServiceKey.create(FrontDoorCommand.class, "diffusim-front-door");

    /** Validates and queues a run; answers {@link Submitted} or {@link Rejected} with every spec error. */
    record Submit(String specText, String specDirectory, ActorRef<SubmitReply> replyTo) implements FrontDoorCommand {
    }

    record ListRuns(ActorRef<RunList> replyTo) implements FrontDoorCommand {
    }

    record GetStatus(String runId, ActorRef<StatusReply> replyTo) implements FrontDoorCommand {
    }

    /** Pause, resume or stop a run. */
    record Control(String runId, Action action, ActorRef<StatusReply> replyTo) implements FrontDoorCommand {
    }

    /** Writes the run's output directory (RUNSPEC.md layout) on the daemon's machine. */
    record Export(String runId, String outDirectory, ActorRef<ExportReply> replyTo) implements FrontDoorCommand {
    }

    /** Metric records of a run from {@code fromIndex} on (for polling watch), plus its status. */
    record GetMetrics(String runId, int fromIndex, ActorRef<MetricsReply> replyTo) implements FrontDoorCommand {
    }

    enum Action { PAUSE, RESUME, STOP }

    sealed interface SubmitReply extends CborSerializable {
    }

    record Submitted(String runId) implements SubmitReply {
    }

    record Rejected(List<String> errors) implements SubmitReply {
    }

    /** status --json fields (RUNSPEC.md): state is queued|running|paused|done|failed|stopped; error may be null. */
    record RunStatus(String id, String state, int step, int steps, String error) implements CborSerializable {
    }

    sealed interface StatusReply extends CborSerializable {
    }

    record Status(RunStatus status) implements StatusReply {
    }

    record UnknownRun(String runId) implements StatusReply, ExportReply, MetricsReply {
    }

    record RunList(List<RunStatus> runs) implements CborSerializable {
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
}
