package io.diffusim.actors.cli;

import io.diffusim.actors.client.DaemonClient;
import io.diffusim.actors.client.DaemonLocation;
import io.diffusim.actors.client.DaemonNotAnsweringException;
import io.diffusim.actors.client.DaemonUnreachableException;
import io.diffusim.actors.daemon.DaemonFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code --data-dir D} and {@code --daemon HOST:PORT}, the options of every command that talks to a daemon
 * (docs/user-guide.md), and the one way such a command reaches it: no daemon is exit code 3 and one line saying how
 * to start one; a daemon that is there but did not answer in time is exit code 4.
 */
final class DaemonOptions {

    /** A command's work once connected; returns the exit code. */
    interface Work {
        int with(DaemonClient client) throws Exception;
    }

    @Option(names = "--data-dir", paramLabel = "D",
            description = "Data directory whose daemon to talk to (default: ~/.diffusim).")
    Path dataDir = DaemonFile.defaultDataDir();

    @Option(names = "--daemon", paramLabel = "HOST:PORT", description = "Talk to the daemon at HOST:PORT instead.")
    String daemon;

    /** Connects to the daemon, does {@code work} and disconnects. */
    int call(CommandSpec command, Work work) throws Exception {
        try {
            DaemonLocation location = DaemonLocation.find(dataDir, daemon);
            try (DaemonClient client = DaemonClient.connect(location)) {
                return work.with(client);
            }
        } catch (DaemonUnreachableException e) {
            return fail(command, e, ExitCode.DAEMON_UNREACHABLE);
        } catch (DaemonNotAnsweringException e) {
            return fail(command, e, ExitCode.DAEMON_NOT_ANSWERING);
        }
    }

    private static int fail(CommandSpec command, RuntimeException e, int exitCode) {
        PrintWriter err = command.commandLine().getErr();
        err.println("diffusim: " + e.getMessage());
        err.flush();
        return exitCode;
    }
}
