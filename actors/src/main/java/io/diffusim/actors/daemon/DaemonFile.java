package io.diffusim.actors.daemon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.diffusim.actors.stream.StreamAddress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code <data-dir>/daemon.json}: where the daemon that owns a data directory listens (docs/architecture.md §4,
 * docs/user-guide.md "Commands that talk to a daemon find it through --data-dir"). Written atomically once the daemon
 * is bound, deleted on clean shutdown; after a kill it stays behind with a dead pid. The file holds the daemon's remoting
 * token, so it is readable by its owner only (0600, docs/security.md).
 *
 * @param started the daemon's start as an ISO-8601 instant
 * @param stream  where its metric stream can be read, or null when it publishes none (and in files of older daemons)
 * @param token   the {@link RemoteToken} every remoting request must carry, or null in files of older daemons
 */
public record DaemonFile(String host, int port, long pid, String started, StreamAddress stream, String token) {

    public static final String NAME = "daemon.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PROBE_TIMEOUT_MS = 1_000;

    /** A daemon without a metric stream or token. */
    public DaemonFile(String host, int port, long pid, String started) {
        this(host, port, pid, started, null, null);
    }

    /** {@code ~/.diffusim}, the data directory when none is given. */
    public static Path defaultDataDir() {
        return Path.of(System.getProperty("user.home"), ".diffusim");
    }

    public static Path in(Path dataDir) {
        return dataDir.resolve(NAME);
    }

    /** The file of {@code dataDir}, or empty when there is none or it cannot be read (a half-written or foreign file). */
    public static Optional<DaemonFile> read(Path dataDir) {
        try {
            return Optional.of(JSON.readValue(Files.readString(in(dataDir), StandardCharsets.UTF_8), DaemonFile.class));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Writes the file, owner-only from its first byte (to a temporary file first, then moved over it, so a reader never
     * sees half of it).
     */
    public void write(Path dataDir) {
        try {
            OwnerOnlyFile.write(in(dataDir), JSON.writeValueAsString(this));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Deletes the file of {@code dataDir} if it is still this one (a newer daemon's file stays). */
    public void deleteIfOurs(Path dataDir) {
        if (read(dataDir).filter(this::equals).isPresent()) {
            try {
                Files.deleteIfExists(in(dataDir));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The process that wrote the file still runs, and something accepts connections on its port. */
    public boolean live() {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && accepting(host, port);
    }

    /** A TCP connection to {@code host:port} succeeds within a second (a cheap check before starting remoting). */
    public static boolean accepting(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), PROBE_TIMEOUT_MS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
