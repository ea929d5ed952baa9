package io.diffusim.actors.daemon;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.diffusim.actors.runtime.DaemonFailure;
import io.diffusim.actors.protocol.FrontDoorCommand;
import io.diffusim.actors.runtime.DaemonSettings;
import io.diffusim.actors.stream.StreamAddress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import org.apache.pekko.Done;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.remote.RemoteTransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A daemon actor system that owns a data directory (docs/architecture.md §3-§4): started with Artery bound to
 * {@code host:port}, other processes let in only through the {@link RemoteGate} with a token made for this start,
 * advertised with that token in the owner-only {@code <data-dir>/daemon.json} once its front door answers, and on shutdown
 * (CoordinatedShutdown, also run by the JVM's shutdown hook on SIGTERM or Ctrl-C) the file is deleted and the
 * state closed after the last actor stopped.
 */
public final class DaemonProcess implements AutoCloseable {

    /**
     * What a daemon runs: its guardian, the state to close once the actor system has terminated, and where its
     * metric stream is (null: none), advertised in daemon.json.
     */
    public record Parts(Behavior<Void> guardian, AutoCloseable state, StreamAddress stream) {

        public Parts(Behavior<Void> guardian, AutoCloseable state) {
            this(guardian, state, null);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(DaemonProcess.class);
    private static final Duration FRONT_DOOR_START = Duration.ofSeconds(60);
    private static final Duration STATE_CLOSE_WAIT = Duration.ofSeconds(60);

    private final ActorSystem<Void> system;
    private final Path dataDir;
    private final DaemonFile file;
    private final AutoCloseable state;
    private final Thread exitHook;
    private boolean cleanedUp;
    private volatile boolean closing;

    private DaemonProcess(ActorSystem<Void> system, Path dataDir, DaemonFile file, AutoCloseable state) {
        this.system = system;
        this.dataDir = dataDir;
        this.file = file;
        this.state = state;
        this.exitHook = new Thread(this::cleanUpAfterTermination, "diffusim-daemon-exit");
    }

    /**
     * Starts the daemon of {@code dataDir} on {@code host:port} (0: any free port); {@code parts} gets the absolute
     * data directory and the actor system's configuration, and opens the state. Refuses a data directory another
     * live daemon advertises.
     */
    public static DaemonProcess start(Path dataDir, String host, int port, BiFunction<Path, Config, Parts> parts) {
        return start(dataDir, host, port, ConfigFactory.load(), parts);
    }

    /** As {@link #start(Path, String, int, BiFunction)}, with {@code base} in place of the application's configuration. */
    public static DaemonProcess start(Path dataDir, String host, int port, Config base,
            BiFunction<Path, Config, Parts> parts) {
        Path dir = dataDir.toAbsolutePath().normalize();
        DaemonFile.read(dir).filter(DaemonFile::live).ifPresent(other -> {
            throw new IllegalArgumentException("data dir " + dir + " is in use by the daemon with pid " + other.pid()
                    + " on " + other.host() + ":" + other.port());
        });
        Config config = RemoteSettings.daemonConfig(base, host, port);
        createDirectories(dir);
        // the state (the store, the media driver) opens while Pekko starts: each takes a second or more on 2 cores
        CompletableFuture<Parts> opening = CompletableFuture.supplyAsync(() -> parts.apply(dir, config),
                runnable -> new Thread(runnable, "diffusim-daemon-open").start());
        ActorSystem<Void> system;
        try {
            system = ActorSystem.create(Behaviors.setup(context -> opening.join().guardian()),
                    RemoteSettings.from(config).daemonSystem(), config);
        } catch (RemoteTransportException e) {
            opening.thenAccept(opened -> closeState(opened.state()));
            throw new IllegalArgumentException("cannot listen on " + host + ":" + port + ": " + bindFailure(e)
                    + " (choose another --port or --bind)", e);
        } catch (RuntimeException e) {
            opening.thenAccept(opened -> closeState(opened.state()));
            throw e;
        }
        Parts opened;
        try {
            opened = opening.join();
        } catch (CompletionException e) {
            system.terminate();
            system.getWhenTerminated().toCompletableFuture().join();
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        String token = RemoteToken.generate();
        try {
            ActorRef<FrontDoorCommand> frontDoor = FrontDoorProbe.await(system, FRONT_DOOR_START);
            system.systemActorOf(RemoteGate.create(token, frontDoor), RemoteSettings.GATE_NAME, Props.empty());
        } catch (RuntimeException e) {
            system.terminate();
            system.getWhenTerminated().toCompletableFuture().join();
            closeState(opened.state());
            throw e;
        }
        Address address = system.address();
        DaemonFile file = new DaemonFile(address.getHost().get(), (Integer) address.getPort().get(),
                ProcessHandle.current().pid(), Instant.now().toString(), opened.stream(), token);
        DaemonProcess daemon = new DaemonProcess(system, dir, file, opened.state());
        daemon.advertise();
        return daemon;
    }

    private void advertise() {
        file.write(dataDir);
        // clients stop finding the daemon as soon as it begins to shut down
        CoordinatedShutdown.get(system).addTask(CoordinatedShutdown.PhaseBeforeServiceUnbind(), "diffusim-daemon-file",
                () -> {
                    file.deleteIfOurs(dataDir);
                    return CompletableFuture.completedFuture(Done.getInstance());
                });
        Runtime.getRuntime().addShutdownHook(exitHook);
        system.getWhenTerminated().thenRun(this::cleanUp);
    }

    public String host() {
        return file.host();
    }

    public int port() {
        return file.port();
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Where the daemon writes its ended runs' output directories ({@code diffusim.runtime.runs-directory}). */
    public Path runsDirectory() {
        return DaemonSettings.from(system.settings().config(), dataDir).runsDirectory();
    }

    public ActorSystem<Void> system() {
        return system;
    }

    /**
     * Blocks until the actor system has terminated and the state is closed (only the daemon's main thread calls it).
     *
     * @return why the daemon shut itself down ({@link DaemonFailure}), or empty after a requested shutdown
     */
    public Optional<String> awaitTermination() {
        system.getWhenTerminated().toCompletableFuture().join();
        cleanUp();
        return failure();
    }

    /**
     * Why the daemon shut itself down, if it did: a part it cannot work without stopped, or its guardian did (the
     * actor system then ends by itself). Empty after {@link #close()} or a signal (SIGTERM, Ctrl-C).
     */
    public Optional<String> failure() {
        Optional<CoordinatedShutdown.Reason> reason = CoordinatedShutdown.get(system).getShutdownReason();
        if (reason.filter(DaemonFailure.class::isInstance).isPresent()) {
            return reason.map(r -> ((DaemonFailure) r).message());
        }
        if (closing || reason.filter(CoordinatedShutdown.jvmExitReason()::equals).isPresent()
                || !system.getWhenTerminated().toCompletableFuture().isDone()) {
            return Optional.empty();
        }
        return Optional.of("the daemon's guardian stopped (see the log above); the daemon cannot work without it and"
                + " shuts down");
    }

    /** Runs the coordinated shutdown and waits for it. */
    @Override
    public void close() {
        closing = true;
        system.terminate();
        awaitTermination();
    }

    private void cleanUpAfterTermination() {
        try {
            system.getWhenTerminated().toCompletableFuture().get(STATE_CLOSE_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("the daemon's actor system did not terminate within {}; closing its state anyway", STATE_CLOSE_WAIT);
        }
        cleanUp();
    }

    private synchronized void cleanUp() {
        if (cleanedUp) {
            return;
        }
        cleanedUp = true;
        file.deleteIfOurs(dataDir);
        closeState(state);
        if (Thread.currentThread() != exitHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(exitHook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting: the hook runs and finds everything done
            }
        }
    }

    /** The operating system's reason, e.g. "Address already in use", without Pekko's wrapping. */
    private static String bindFailure(RemoteTransportException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        int reason = message.lastIndexOf("] ");
        return reason < 0 ? message : message.substring(reason + 2);
    }

    private static void closeState(AutoCloseable state) {
        try {
            state.close();
        } catch (Exception e) {
            LOG.error("closing the daemon's state failed", e);
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
