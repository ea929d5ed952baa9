package io.diffusim.actors.cli;

import io.diffusim.actors.client.DaemonClient;
import io.diffusim.actors.client.DaemonLocation;
import io.diffusim.actors.daemon.DaemonFile;
import io.diffusim.actors.daemon.DaemonMain;
import io.diffusim.actors.daemon.DaemonProcess;
import io.diffusim.actors.models.ModelRegistry;
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
 * directory of its own, with its dashboard; trains the MLP of docs/science.md §7.3 on the demo's moons as a training
 * job unless an earlier demo registered it; then submits {@code examples/demo.conf} (the optimal empirical denoiser,
 * DDPM, KL) and {@code examples/demo-mlp.conf} (the network on the same noise) through the same actor-message client
 * as every other command, shows their progress and latest metrics (on the metric stream), exports both, prints the
 * summaries and what sets them apart (the empirical denoiser copies training points, the network does not), and
 * keeps the daemon serving until Ctrl-C unless {@code --exit-when-done}.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start a daemon in-process, train a small network on the demo's moons (once), sample it beside the"
                + " empirical denoiser (examples/demo.conf) with live progress, and print what sets them apart.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "DIR", description = "Where the empirical run's outputs are exported, the "
            + "network's in DIR/mlp (default: diffusim-demo under the temp directory).")
    Path out = Path.of(System.getProperty("java.io.tmpdir"), "diffusim-demo");

    @Option(names = "--data-dir", paramLabel = "D", description = "The demo daemon's data directory, where its trained "
            + "network is kept for the next demo (default: ~/.diffusim-demo).")
    Path dataDir;

    @Option(names = "--http-port", paramLabel = "H", description = "The dashboard's port (default ${DEFAULT-VALUE}: any free port).")
    int httpPort;

    @Option(names = "--exit-when-done", description = "Stop the daemon after the run instead of serving until Ctrl-C.")
    boolean exitWhenDone;

    @Spec
    CommandSpec command;

    private static final String EMPIRICAL = "demo.conf";
    private static final String NETWORK = "demo-mlp.conf";
    private static final String TRAINING = "demo-train.conf";
    /** The name demo-train.conf registers its model under. */
    private static final String MODEL = "demo-moons-mlp";

    @Override
    public Integer call() throws Exception {
        Path examples = Path.of(System.getProperty("diffusim.home", "."), "examples").toAbsolutePath().normalize();
        for (String spec : new String[] {EMPIRICAL, NETWORK, TRAINING}) {
            Path file = examples.resolve(spec);
            if (!Files.isRegularFile(file)) {
                throw new BadInputException("no such file: " + file + " (run the demo through bin/diffusim)");
            }
            SpecLoader.load(file);
        }
        PrintWriter err = command.commandLine().getErr();
        Path data = dataDir != null ? dataDir : DaemonFile.defaultDataDir().resolveSibling(".diffusim-demo");
        CliRuntime.init();
        DaemonMain.Started started = DaemonMain.start(data, "127.0.0.1", 0, httpPort);
        try (DaemonProcess daemon = started.daemon();
                DaemonClient client = DaemonClient.connect(DaemonLocation.find(daemon.dataDir(), null))) {
            err.println("diffusim demo: daemon on " + daemon.host() + ":" + daemon.port() + ", data dir "
                    + daemon.dataDir());
            err.println("diffusim demo: watch it live at " + started.dashboard().loginUrl());
            err.flush();
            int exit = runDemo(client, examples, ModelRegistry.of(daemon.dataDir()),
                    RunFollower.advertised(daemon.dataDir(), client));
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

    /**
     * Trains the network unless the registry has it, then samples the empirical denoiser and the network on the same
     * noise side by side, and prints both summaries and what sets them apart.
     */
    private int runDemo(DaemonClient client, Path examples, ModelRegistry registry, Optional<StreamAddress> stream)
            throws Exception {
        PrintWriter err = command.commandLine().getErr();
        if (registry.find(MODEL).isEmpty()) {
            err.println("diffusim demo: training the network of docs/science.md §7.3 on the demo's 2,000 moons ("
                    + TRAINING + "; once: the model is kept in " + registry.directory() + ")");
            RunStatus trained = follow(client, submit(client, examples.resolve(TRAINING)), stream);
            if (!trained.state().equals("done")) {
                return RunStatusText.exitCode(trained, err);
            }
        } else {
            err.println("diffusim demo: using the network " + MODEL + " trained by an earlier demo (" + registry.directory()
                    + "; bin/diffusim models --data-dir " + registry.directory().getParent() + ")");
        }
        err.println("diffusim demo: sampling the empirical denoiser (" + EMPIRICAL + ") and the network (" + NETWORK
                + ") on the same noise");
        err.flush();
        String empiricalRun = submit(client, examples.resolve(EMPIRICAL));
        String networkRun = submit(client, examples.resolve(NETWORK));
        Path empiricalOut = out.toAbsolutePath().normalize();
        Path networkOut = empiricalOut.resolve("mlp");
        RunResult empirical = finish(client, empiricalRun, empiricalOut, stream);
        RunResult network = empirical == null ? null : finish(client, networkRun, networkOut, stream);
        if (network == null) {
            return ExitCode.FAILURE;
        }
        PrintWriter stdout = command.commandLine().getOut();
        RunSummaryPrinter.print(empirical, stdout);
        RunSummaryPrinter.print(network, stdout);
        DemoComparison.print(empirical, network, stdout);
        return ExitCode.OK;
    }

    private String submit(DaemonClient client, Path spec) throws Exception {
        SubmitReply reply = client.submit(Files.readString(spec, StandardCharsets.UTF_8), spec.getParent());
        if (reply instanceof Rejected rejected) {
            throw new BadInputException(spec + ": " + String.join("; ", rejected.errors()));
        }
        return ((Submitted) reply).runId();
    }

    private RunStatus follow(DaemonClient client, String runId, Optional<StreamAddress> stream) throws Exception {
        WatchView view = new ScreenWatchView(command.commandLine().getErr(), System.console() != null);
        RunStatus end = RunFollower.follow(client, runId, stream, view);
        view.end(end);
        return end;
    }

    /** Follows a sampling run to its end and exports it; null (with the reason printed) unless it is done. */
    private RunResult finish(DaemonClient client, String runId, Path to, Optional<StreamAddress> stream) throws Exception {
        RunStatus end = follow(client, runId, stream);
        if (!end.state().equals("done")) {
            RunStatusText.exitCode(end, command.commandLine().getErr());
            return null;
        }
        Path exported = client.export(runId, to);
        SummaryJson.Summary summary = SummaryJson.read(exported.resolve("summary.json"));
        return new RunResult(runId, exported, summary.metrics(), summary.timing(), summary.nfeMean());
    }
}
