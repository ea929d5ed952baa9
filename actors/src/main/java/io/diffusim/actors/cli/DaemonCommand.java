package io.diffusim.actors.cli;

import io.diffusim.actors.daemon.DaemonFile;
import io.diffusim.actors.daemon.DaemonMain;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code daemon [--data-dir D] [--port P] [--bind ADDR] [--http-port H]} (docs/user-guide.md): the long-running daemon that
 * owns D, with its web dashboard on ADDR:H; runs until SIGTERM or Ctrl-C.
 */
@Command(name = "daemon", mixinStandardHelpOptions = true,
        description = "Run the daemon that owns data directory D until stopped (SIGTERM or Ctrl-C).")
final class DaemonCommand implements Callable<Integer> {

    @Option(names = "--data-dir", paramLabel = "D", description = "Data directory: run store and daemon.json (default: ~/.diffusim).")
    Path dataDir = DaemonFile.defaultDataDir();

    @Option(names = "--port", paramLabel = "P", description = "Port to listen on (default ${DEFAULT-VALUE}: any free port, written to D/daemon.json).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDR", description = "Address to listen on (default ${DEFAULT-VALUE}).")
    String bind = "127.0.0.1";

    @Option(names = "--http-port", paramLabel = "H",
            description = "Port of the web dashboard (default: diffusim.dashboard.port, 8470; 0: any free port).")
    Integer httpPort;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        if (httpPort != null && (httpPort < 0 || httpPort > 65_535)) {
            throw new BadInputException("--http-port = " + httpPort + ": expected an integer in [0, 65535]");
        }
        // the store, the actor system and the front door open while ND4J loads; a run waits for it (RunStarter)
        CliRuntime.initInBackground();
        Optional<String> failure = DaemonMain.run(dataDir, bind, port, httpPort, command.commandLine().getOut());
        failure.ifPresent(message -> {
            command.commandLine().getErr().println("diffusim: daemon stopped: " + message);
            command.commandLine().getErr().flush();
        });
        return failure.isPresent() ? ExitCode.FAILURE : ExitCode.OK;
    }
}
