package io.diffusim.actors.client;

import io.diffusim.actors.daemon.DaemonFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Where the CLI finds its daemon (docs/user-guide.md): the one that owns {@code --data-dir} (through its
 * {@code daemon.json}) or the one at {@code --daemon host:port}.
 *
 * @param options  the command-line options that name this daemon, for messages
 * @param noDaemon the one line to print when nothing listens there
 * @param daemon   the daemon as messages name it: "daemon pid N on data dir D", or "the daemon at HOST:PORT"
 * @param token    the daemon's remoting token from its daemon.json (null when none could be read)
 */
public record DaemonLocation(String host, int port, String options, String noDaemon, String daemon, String token) {

    /** The line to print when the daemon is there (its process lives, its port accepts) but does not answer. */
    public String notAnswering(Duration waited) {
        return daemon + " did not answer in " + waited.toSeconds() + " s; see its log, or stop it and start it again";
    }

    /**
     * The daemon at {@code hostPort} when given (its token from {@code dataDir}'s daemon.json, e.g. a copy of the remote
     * daemon's), else the live daemon of {@code dataDir}.
     *
     * @throws DaemonUnreachableException when no file, a dead pid or a closed port shows there is none
     */
    public static DaemonLocation find(Path dataDir, String hostPort) {
        return hostPort == null ? ofDataDir(dataDir) : ofAddress(hostPort, dataDir);
    }

    private static DaemonLocation ofDataDir(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        String noDaemon = "no daemon on data dir " + dir + " (start one with: bin/diffusim daemon --data-dir " + dir + ")";
        Optional<DaemonFile> file = DaemonFile.read(dir).filter(DaemonFile::live);
        if (file.isEmpty()) {
            throw new DaemonUnreachableException(noDaemon);
        }
        return new DaemonLocation(file.get().host(), file.get().port(), "--data-dir " + dir, noDaemon,
                "daemon pid " + file.get().pid() + " on data dir " + dir, file.get().token());
    }

    private static DaemonLocation ofAddress(String hostPort, Path dataDir) {
        int colon = hostPort.lastIndexOf(':');
        int port = colon < 1 ? -1 : parsePort(hostPort.substring(colon + 1));
        if (port < 1) {
            throw new IllegalArgumentException("--daemon " + hostPort + ": expected HOST:PORT with a port in 1..65535");
        }
        String host = hostPort.substring(0, colon);
        String noDaemon = "no daemon at " + hostPort + " (start one with: bin/diffusim daemon --bind " + host + " --port "
                + port + ")";
        if (!DaemonFile.accepting(host, port)) {
            throw new DaemonUnreachableException(noDaemon);
        }
        String token = DaemonFile.read(dataDir.toAbsolutePath().normalize()).map(DaemonFile::token).orElse(null);
        return new DaemonLocation(host, port, "--daemon " + hostPort, noDaemon, "the daemon at " + hostPort, token);
    }

    private static int parsePort(String text) {
        try {
            int port = Integer.parseInt(text);
            return port <= 65_535 ? port : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
