package io.diffusim.actors.cli;

import io.diffusim.actors.protocol.FrontDoorCommand.Action;
import picocli.CommandLine.Command;

/** {@code resume RUN} (docs/user-guide.md run control). */
@Command(name = "resume", mixinStandardHelpOptions = true, description = "Resume a paused run RUN.")
final class ResumeCommand extends RunControl {
    ResumeCommand() {
        super(Action.RESUME);
    }
}
