package io.diffusim.actors.cli;

import io.diffusim.actors.protocol.FrontDoorCommand.Action;
import picocli.CommandLine.Command;

/** {@code pause RUN} (docs/user-guide.md run control). */
@Command(name = "pause", mixinStandardHelpOptions = true, description = "Pause run RUN after its current step.")
final class PauseCommand extends RunControl {
    PauseCommand() {
        super(Action.PAUSE);
    }
}
