package io.diffusim.actors.cli;

import io.diffusim.actors.protocol.FrontDoorCommand.RunList;
import io.diffusim.actors.protocol.FrontDoorCommand.RunStatus;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code list [--json]} (docs/user-guide.md): the daemon's runs in submission order, one line each or a JSON array;
 * store files the daemon set aside as damaged when it started are named on stderr.
 */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the daemon's runs.")
final class ListCommand implements Callable<Integer> {

    @Option(names = "--json", description = "A JSON array of status objects (as status --json).")
    boolean json;

    @Mixin
    DaemonOptions daemon;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws Exception {
        return daemon.call(command, client -> {
            RunList listing = client.listing();
            // damage the daemon found at start-up goes to stderr, so stdout stays the list alone
            PrintWriter err = command.commandLine().getErr();
            listing.notices().forEach(notice -> err.println("diffusim: " + notice));
            err.flush();
            print(listing.runs(), command.commandLine().getOut());
            return ExitCode.OK;
        });
    }

    private void print(List<RunStatus> runs, PrintWriter out) {
        if (json) {
            out.println(runs.stream().map(RunStatusText::json).collect(Collectors.joining(",", "[", "]")));
        } else {
            runs.forEach(run -> out.println(RunStatusText.line(run)));
        }
        out.flush();
    }
}
