package io.diffusim.actors.cli;

import io.diffusim.actors.client.DaemonClient;
import io.diffusim.actors.protocol.FrontDoorCommand.Metrics;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code watch RUN [--json]} (RUNSPEC.md): polls the run's metric records and status until the run ends; exit 0
 * when it is done, 1 when it failed or was stopped.
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
        Metrics metrics = client.metrics(runId, 0);
        view.show(metrics);
        while (!RunStatusText.ended(metrics.status())) {
            Thread.sleep(client.settings().pollInterval().toMillis());
            metrics = client.metrics(runId, metrics.nextIndex());
            view.show(metrics);
        }
        view.end(metrics.status());
        return RunStatusText.exitCode(metrics.status(), command.commandLine().getErr());
    }
}
