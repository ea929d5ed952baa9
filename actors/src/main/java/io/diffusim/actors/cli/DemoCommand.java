package io.diffusim.actors.cli;

import io.diffusim.actors.client.DaemonClient;
import io.diffusim.actors.client.DaemonLocation;
import io.diffusim.actors.daemon.DaemonMain;
import io.diffusim.actors.daemon.DaemonProcess;
import io.diffusim.actors.protocol.FrontDoorCommand.Rejected;
import io.diffusim.actors.protocol.FrontDoorCommand.RunStatus;
import io.diffusim.actors.protocol.FrontDoorCommand.SubmitReply;
import io.diffusim.actors.protocol.FrontDoorCommand.Submitted;
import io.diffusim.actors.stream.StreamAddress;
import io.diffusim.analysis.output.SummaryJson;
import io.diffusim.analysis.run.RunResult;
import io.diffusim.config.SpecLoader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code demo} (docs/user-guide.md): the main job on embedded defaults. Starts a daemon in this process on a data
 * directory of its own, with its dashboard, submits {@code examples/demo.conf} (two moons, the optimal empirical
 * denoiser, DDPM, KL) through the same actor-message client as every other command, shows its progress and latest
 * metrics (on the metric stream), exports the run, prints the summary and where the outputs and the dashboard are,
 * and keeps the daemon serving until Ctrl-C unless {@code --exit-when-done}.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start a daemon in-process, run examples/demo.conf (moons, empirical denoiser, DDPM, KL) on it with"
                + " live progress, and print the summary.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "DIR", description = "Where the run's outputs are exported (default: diffusim-demo under the temp directory).")
    Path out = Path.of(System.getProperty("java.io.tmpdir"), "diffusim-demo");

    @Option(names = "--data-dir", paramLabel = "D", description = "The demo daemon's data directory (default: a new temporary directory).")
    Path dataDir;

    @Option(names = "--http-port", paramLabel = "H", description = "The dashboard's port (default ${DEFAULT-VALUE}: any free port).")
    int httpPort;

    @Option(names = "--exit-when-done", description = "Stop the daemon after the run instead of serving until Ctrl-C.")
    boolean exitWhenDone;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws Exception {
        Path spec = Path.of(System.getProperty("diffusim.home", "."), "examples", "demo.conf").toAbsolutePath().normalize();
        if (!Files.isRegularFile(spec)) {
            throw new BadInputException("no such file: " + spec + " (run the demo through bin/diffusim)");
        }
        SpecLoader.load(spec);
        PrintWriter err = command.commandLine().getErr();
        Path data = dataDir != null ? dataDir : Files.createTempDirectory("diffusim-demo-data");
        CliRuntime.init();
        DaemonMain.Started started = DaemonMain.start(data, "127.0.0.1", 0, httpPort);
        try (DaemonProcess daemon = started.daemon();
                DaemonClient client = DaemonClient.connect(DaemonLocation.find(daemon.dataDir(), null))) {
            err.println("diffusim demo: daemon on " + daemon.host() + ":" + daemon.port() + ", data dir "
                    + daemon.dataDir() + "; submitting " + spec);
            err.println("diffusim demo: watch it live at " + started.dashboard().loginUrl());
            err.flush();
            int exit = runDemo(client, spec, RunFollower.advertised(daemon.dataDir(), client));
            if (exit != ExitCode.OK || exitWhenDone) {
                return exit;
            }
            err.println("diffusim demo: the daemon keeps serving: dashboard " + started.dashboard().loginUrl()
                    + ", bin/diffusim list --data-dir " + daemon.dataDir() + "; Ctrl-C stops it");
            err.flush();
            daemon.awaitTermination();
            return ExitCode.OK;
        }
    }

    private int runDemo(DaemonClient client, Path spec, Optional<StreamAddress> stream) throws Exception {
        PrintWriter err = command.commandLine().getErr();
        SubmitReply reply = client.submit(Files.readString(spec, StandardCharsets.UTF_8), spec.getParent());
        if (reply instanceof Rejected rejected) {
            throw new BadInputException(spec + ": " + String.join("; ", rejected.errors()));
        }
        String runId = ((Submitted) reply).runId();
        WatchView view = new ScreenWatchView(err, System.console() != null);
        RunStatus end = RunFollower.follow(client, runId, stream, view);
        view.end(end);
        if (!end.state().equals("done")) {
            return RunStatusText.exitCode(end, err);
        }
        Path exported = client.export(runId, out.toAbsolutePath().normalize());
        SummaryJson.Summary summary = SummaryJson.read(exported.resolve("summary.json"));
        RunSummaryPrinter.print(new RunResult(runId, exported, summary.metrics(), summary.timing(), summary.nfeMean()),
                command.commandLine().getOut());
        return ExitCode.OK;
    }
}
