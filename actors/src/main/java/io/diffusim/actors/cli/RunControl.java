package io.diffusim.actors.cli;

import io.diffusim.actors.client.ControlRefusedException;
import io.diffusim.actors.client.DaemonClient;
import io.diffusim.actors.protocol.FrontDoorCommand.Action;
import io.diffusim.actors.protocol.FrontDoorCommand.RunStatus;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * What {@code pause}, {@code resume} and {@code stop RUN} share (docs/user-guide.md, run control): send the action, print the run's
 * status after it (for stop: once the run has stopped); an action that does not apply to the run as it is (pause a done run) changes nothing, says why
 * and exits 1.
 */
abstract class RunControl implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN", description = "Run id (as printed by submit).")
    String runId;

    @Mixin
    DaemonOptions daemon;

    @Spec
    CommandSpec command;

    private final Action action;

    RunControl(Action action) {
        this.action = action;
    }

    @Override
    public Integer call() throws Exception {
        return daemon.call(command, client -> {
            try {
                command.commandLine().getOut().println(RunStatusText.line(settled(client, client.control(runId, action))));
                command.commandLine().getOut().flush();
                return ExitCode.OK;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ExitCode.FAILURE;
            } catch (ControlRefusedException e) {
                command.commandLine().getErr().println("diffusim: " + e.getMessage());
                command.commandLine().getErr().flush();
                return ExitCode.FAILURE;
            }
        });
    }

    /** The status to print once the action was applied: the reply itself, unless the action takes time to finish. */
    RunStatus settled(DaemonClient client, RunStatus applied) throws InterruptedException {
        return applied;
    }
}
