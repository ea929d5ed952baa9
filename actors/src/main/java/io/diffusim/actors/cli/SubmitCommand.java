package io.diffusim.actors.cli;

import io.diffusim.actors.client.DaemonClient;
import io.diffusim.actors.protocol.FrontDoorCommand.Rejected;
import io.diffusim.actors.protocol.FrontDoorCommand.Submitted;
import io.diffusim.actors.protocol.FrontDoorCommand.SubmitReply;
import io.diffusim.config.SpecLoader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code submit SPEC [--wait]} (docs/user-guide.md): validates the spec here (every error, exit 2), submits its text and
 * directory to the daemon and prints the run id alone on stdout; {@code --wait} then waits for the run to end.
 */
@Command(name = "submit", mixinStandardHelpOptions = true,
        description = "Validate SPEC and submit it to the daemon; prints the run id.")
final class SubmitCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SPEC", description = "Run spec (HOCON).")
    Path spec;

    @Option(names = "--wait", description = "Wait until the run ends; exit 0 when it is done, 1 when it failed or was stopped.")
    boolean await;

    @Mixin
    DaemonOptions daemon;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws Exception {
        SpecLoader.load(spec);
        String text = Files.readString(spec, StandardCharsets.UTF_8);
        Path directory = spec.toAbsolutePath().getParent();
        return daemon.call(command, client -> submit(client, text, directory));
    }

    private int submit(DaemonClient client, String text, Path directory) throws InterruptedException {
        SubmitReply reply = client.submit(text, directory);
        PrintWriter err = command.commandLine().getErr();
        if (reply instanceof Rejected rejected) {
            rejected.errors().forEach(line -> err.println("diffusim: " + line));
            err.flush();
            return ExitCode.BAD_INPUT;
        }
        String runId = ((Submitted) reply).runId();
        command.commandLine().getOut().println(runId);
        command.commandLine().getOut().flush();
        if (!await) {
            return ExitCode.OK;
        }
        return RunStatusText.exitCode(AwaitEnd.of(client, client.status(runId)), err);
    }
}
