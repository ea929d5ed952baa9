package io.diffusim.actors.cli;

import io.diffusim.actors.client.DaemonClient;
import io.diffusim.actors.protocol.FrontDoorCommand.Action;
import io.diffusim.actors.protocol.FrontDoorCommand.RunStatus;
import picocli.CommandLine.Command;

/** {@code stop RUN} (docs/user-guide.md run control): waits until the run's batches have stopped, then prints it. */
@Command(name = "stop", mixinStandardHelpOptions = true,
        description = "Stop run RUN and free its particles (its records stay); returns once it has stopped.")
final class StopCommand extends RunControl {
    StopCommand() {
        super(Action.STOP);
    }

    @Override
    RunStatus settled(DaemonClient client, RunStatus applied) throws InterruptedException {
        return AwaitEnd.of(client, applied);
    }
}
