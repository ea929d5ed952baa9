package io.diffusim.actors.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code export RUN --out DIR} (docs/user-guide.md): the daemon writes the run's output directory, the layout of
 * {@code run --out DIR}; prints where.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the output directory of run RUN (the layout of run --out) to DIR.")
final class ExportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN", description = "Run id (as printed by submit).")
    String runId;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (created).")
    Path out;

    @Mixin
    DaemonOptions daemon;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws Exception {
        // the daemon runs on this machine and in another working directory
        Path target = out.toAbsolutePath().normalize();
        return daemon.call(command, client -> {
            command.commandLine().getOut().println(client.export(runId, target));
            command.commandLine().getOut().flush();
            return ExitCode.OK;
        });
    }
}
