package io.diffusim.actors.cli;

import io.diffusim.actors.client.DaemonClient;
import io.diffusim.actors.protocol.FrontDoorCommand.RunStatus;
import io.diffusim.actors.stream.StreamAddress;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code watch RUN [--json]} (docs/user-guide.md): follows the run until it ends; exit 0 when it is done, 1 when it failed
 * or was stopped. A running run is followed on the daemon's metric stream (its history, then the live tail) when the
 * daemon advertises a stream this machine can reach; otherwise, and for a run that already ended, by polling.
 */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Follow run RUN's metrics until it ends (progress and table on a terminal, JSON lines with --json).")
final class WatchCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN", description = "Run id (as printed by submit).")
    String runId;

    @Option(names = "--json", description = "One JSON line per metric record, then the final status (as status --json).")
    boolean json;

    @Mixin
    DaemonOptions daemon;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = command.commandLine().getOut();
        WatchView view = json ? new JsonWatchView(out) : new ScreenWatchView(out, System.console() != null);
        return daemon.call(command, client -> watch(client, view));
    }

    private int watch(DaemonClient client, WatchView view) throws InterruptedException {
        RunStatus end = RunFollower.follow(client, runId, stream(client), view);
        view.end(end);
        return RunStatusText.exitCode(end, command.commandLine().getErr());
    }

    /** The stream the daemon we talk to advertises in its data dir's daemon.json, if a driver here serves it. */
    private Optional<StreamAddress> stream(DaemonClient client) {
        if (daemon.daemon != null) {
            return Optional.empty();
        }
        return RunFollower.advertised(daemon.dataDir.toAbsolutePath().normalize(), client);
    }
}
