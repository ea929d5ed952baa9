package io.diffusim.actors.dashboard;

import io.diffusim.actors.protocol.FrontDoorCommand;
import io.diffusim.actors.protocol.FrontDoorCommand.Action;
import io.diffusim.actors.protocol.FrontDoorCommand.MetricsReply;
import io.diffusim.actors.protocol.FrontDoorCommand.RunList;
import io.diffusim.actors.protocol.FrontDoorCommand.SnapshotReply;
import io.diffusim.actors.protocol.FrontDoorCommand.StatusReply;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;

/**
 * The dashboard's requests to the front door: the same messages the CLI sends (so a button does exactly what
 * {@code diffusim pause} does), asked from outside any actor.
 */
final class FrontDoorAsk {

    private final ActorRef<FrontDoorCommand> frontDoor;
    private final ActorSystem<?> system;
    private final Duration timeout;

    FrontDoorAsk(ActorRef<FrontDoorCommand> frontDoor, ActorSystem<?> system, Duration timeout) {
        this.frontDoor = frontDoor;
        this.system = system;
        this.timeout = timeout;
    }

    CompletionStage<RunList> listRuns() {
        return AskPattern.ask(frontDoor, FrontDoorCommand.ListRuns::new, timeout, system.scheduler());
    }

    CompletionStage<StatusReply> status(String runId) {
        return AskPattern.ask(frontDoor, replyTo -> new FrontDoorCommand.GetStatus(runId, replyTo), timeout,
                system.scheduler());
    }

    CompletionStage<StatusReply> control(String runId, Action action) {
        return AskPattern.ask(frontDoor, replyTo -> new FrontDoorCommand.Control(runId, action, replyTo), timeout,
                system.scheduler());
    }

    CompletionStage<MetricsReply> metrics(String runId, int fromIndex) {
        return AskPattern.ask(frontDoor, replyTo -> new FrontDoorCommand.GetMetrics(runId, fromIndex, replyTo), timeout,
                system.scheduler());
    }

    CompletionStage<SnapshotReply> snapshot(String runId, int maxRows, int maxValues) {
        return AskPattern.ask(frontDoor, replyTo -> new FrontDoorCommand.GetSnapshot(runId, maxRows, maxValues, replyTo),
                timeout, system.scheduler());
    }
}
