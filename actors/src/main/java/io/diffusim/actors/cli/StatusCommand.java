package io.diffusim.actors.cli;

import io.diffusim.actors.protocol.FrontDoorCommand.RunStatus;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code status RUN [--json]} (docs/user-guide.md): state and progress of one run. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show the state and progress of run RUN.")
final class StatusCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN", description = "Run id (as printed by submit).")
    String runId;

    @Option(names = "--json", description = "Print {\"id\", \"state\", \"step\", \"steps\", \"error\"}.")
    boolean json;

    @Mixin
    DaemonOptions daemon;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws Exception {
        return daemon.call(command, client -> {
            RunStatus status = client.status(runId);
            command.commandLine().getOut().println(json ? RunStatusText.json(status) : RunStatusText.line(status));
            command.commandLine().getOut().flush();
            return ExitCode.OK;
        });
    }
}
