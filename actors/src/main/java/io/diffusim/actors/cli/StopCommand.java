package io.diffusim.actors.cli;

import io.diffusim.actors.protocol.FrontDoorCommand.Action;
import picocli.CommandLine.Command;

/** {@code stop RUN} (docs/user-guide.md run control). */
@Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop run RUN and free its particles (its records stay).")
final class StopCommand extends RunControl {
    StopCommand() {
        super(Action.STOP);
    }
}
