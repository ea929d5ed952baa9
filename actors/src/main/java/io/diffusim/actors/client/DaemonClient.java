package io.diffusim.actors.client;

import com.typesafe.config.ConfigFactory;
import io.diffusim.actors.daemon.RemoteSettings;
import io.diffusim.actors.protocol.Authenticated;
import io.diffusim.actors.protocol.FrontDoorCommand;
import io.diffusim.actors.protocol.FrontDoorCommand.Action;
import io.diffusim.actors.protocol.FrontDoorCommand.ExportFailed;
import io.diffusim.actors.protocol.FrontDoorCommand.ExportReply;
import io.diffusim.actors.protocol.FrontDoorCommand.Metrics;
import io.diffusim.actors.protocol.FrontDoorCommand.MetricsReply;
import io.diffusim.actors.protocol.FrontDoorCommand.RunStatus;
import io.diffusim.actors.protocol.FrontDoorCommand.Status;
import io.diffusim.actors.protocol.FrontDoorCommand.StatusReply;
import io.diffusim.actors.protocol.FrontDoorCommand.SubmitReply;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.serialization.SerializationExtension;
import org.slf4j.LoggerFactory;

/**
 * The CLI's side of the front-door protocol (docs/architecture.md §4): a small actor system on an ephemeral
 * loopback port that resolves the daemon's remote gate by path and asks it, one request at a time, each request in an
 * {@link Authenticated} envelope with the daemon's token. The calling thread waits for each answer, so only the CLI's
 * top level uses it. A daemon that does not answer in time is told apart from none ({@link DaemonNotAnsweringException});
 * a request larger than one remoting frame is refused here, naming its size.
 */
public final class DaemonClient implements AutoCloseable {

    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);
    private static final String MAX_FRAME_KEY = "pekko.remote.artery.advanced.maximum-frame-size";
    /** Artery's envelope around a message (recipient and sender paths, manifest), generously. */
    private static final int ENVELOPE_BYTES = 4_096;

    private final ActorSystem<Void> system;
    private final ActorRef<Authenticated> gate;
    private final DaemonLocation location;
    private final RemoteSettings settings;
    private final long maxFrameBytes;

    private DaemonClient(ActorSystem<Void> system, ActorRef<Authenticated> gate, DaemonLocation location,
            RemoteSettings settings) {
        this.system = system;
        this.gate = gate;
        this.location = location;
        this.settings = settings;
        this.maxFrameBytes = system.settings().config().getBytes(MAX_FRAME_KEY);
    }

    /**
     * Starts the client system and resolves the remote gate of the daemon at {@code location}.
     *
     * @throws DaemonNotAnsweringException when the gate does not answer within the ask timeout
     */
    public static DaemonClient connect(DaemonLocation location) {
        return connect(location, ConfigFactory.load());
    }

    /** As {@link #connect(DaemonLocation)}, with {@code base} in place of the application's configuration. */
    public static DaemonClient connect(DaemonLocation location, com.typesafe.config.Config base) {
        // SLF4J set up before Pekko's threads log, or it reports replaying their calls on stderr
        LoggerFactory.getILoggerFactory();
        var config = RemoteSettings.clientConfig(base);
        RemoteSettings settings = RemoteSettings.from(config);
        ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), settings.clientSystem(), config);
        try {
            var classic = system.classicSystem().actorSelection(settings.gatePath(location.host(), location.port()))
                    .resolveOne(settings.askTimeout());
            ActorRef<Authenticated> gate = Adapter.toTyped(await(classic, settings.askTimeout(), location));
            return new DaemonClient(system, gate, location, settings);
        } catch (RuntimeException e) {
            terminate(system);
            throw e;
        }
    }

    public DaemonLocation location() {
        return location;
    }

    public RemoteSettings settings() {
        return settings;
    }

    /**
     * Submits spec text whose relative paths resolve against {@code specDirectory} on the daemon's machine. An
     * answer that does not come in time is asked for once more under the same request id, so a submission the daemon
     * took but could not answer in time gives its run, never a second one.
     *
     * @throws DaemonNotAnsweringException when neither ask is answered; the message says the run may have started
     */
    public SubmitReply submit(String specText, Path specDirectory) {
        String requestId = UUID.randomUUID().toString();
        Function<ActorRef<SubmitReply>, FrontDoorCommand> request =
                replyTo -> new FrontDoorCommand.Submit(specText, specDirectory.toString(), requestId, replyTo);
        try {
            return ask(request, settings.askTimeout());
        } catch (DaemonNotAnsweringException first) {
            try {
                return ask(request, settings.askTimeout());
            } catch (DaemonNotAnsweringException second) {
                throw new DaemonNotAnsweringException(second.getMessage() + "; the run may have been submitted (see"
                        + " list) before you submit it again");
            }
        }
    }

    public List<RunStatus> list() {
        return listing().runs();
    }

    /** The runs, with what the daemon's store set aside as damaged when it started. */
    public FrontDoorCommand.RunList listing() {
        return ask(FrontDoorCommand.ListRuns::new, settings.askTimeout());
    }

    /** @throws UnknownRunException when the daemon has no such run */
    public RunStatus status(String runId) {
        return statusOf(runId, ask(replyTo -> new FrontDoorCommand.GetStatus(runId, replyTo), settings.askTimeout()));
    }

    /**
     * Pauses, resumes or stops a run; answers its status after the change.
     *
     * @throws ControlRefusedException when the action does not apply to the run as it is (nothing changed)
     */
    public RunStatus control(String runId, Action action) {
        return statusOf(runId, ask(replyTo -> new FrontDoorCommand.Control(runId, action, replyTo), settings.askTimeout()));
    }

    /** Metric records from index {@code fromIndex} on, with the run's status. */
    public Metrics metrics(String runId, int fromIndex) {
        MetricsReply reply = ask(replyTo -> new FrontDoorCommand.GetMetrics(runId, fromIndex, replyTo),
                settings.askTimeout());
        if (reply instanceof Metrics metrics) {
            return metrics;
        }
        throw new UnknownRunException(runId, location);
    }

    /**
     * Has the daemon write the run's output directory to {@code out} (an absolute path on its machine).
     *
     * @throws IllegalArgumentException with the daemon's reason when it cannot (run unfinished, unusable path)
     */
    public Path export(String runId, Path out) {
        ExportReply reply = ask(replyTo -> new FrontDoorCommand.Export(runId, out.toString(), replyTo),
                settings.exportTimeout());
        if (reply instanceof FrontDoorCommand.Exported exported) {
            return Path.of(exported.outDirectory());
        }
        if (reply instanceof ExportFailed failed) {
            throw new IllegalArgumentException("export of " + runId + " failed: " + failed.error());
        }
        throw new UnknownRunException(runId, location);
    }

    @Override
    public void close() {
        terminate(system);
    }

    private RunStatus statusOf(String runId, StatusReply reply) {
        if (reply instanceof Status status) {
            return status.status();
        }
        if (reply instanceof FrontDoorCommand.NotApplied refused) {
            throw new ControlRefusedException(refused.reason(), refused.status());
        }
        throw new UnknownRunException(runId, location);
    }

    /**
     * Asks the gate, the request wrapped with the token.
     *
     * @throws IllegalArgumentException when the request is larger than a remoting frame, or the daemon refused the token
     */
    @SuppressWarnings("unchecked")
    private <R> R ask(Function<ActorRef<R>, FrontDoorCommand> request, Duration timeout) {
        requireFits(request.apply(system.ignoreRef()));
        CompletionStage<Object> reply = AskPattern.ask(gate,
                replyTo -> new Authenticated(location.token(), request.apply(replyTo.unsafeUpcast())), timeout,
                system.scheduler());
        Object answer = await(reply, timeout, location);
        if (answer instanceof Authenticated.Refused refused) {
            throw new IllegalArgumentException(location.daemon() + " " + refused.reason());
        }
        return (R) answer;
    }

    private void requireFits(FrontDoorCommand request) {
        byte[] bytes = SerializationExtension.get(system.classicSystem())
                .serialize(new Authenticated(location.token(), request)).get();
        if (bytes.length + ENVELOPE_BYTES > maxFrameBytes) {
            throw new IllegalArgumentException("the " + request.getClass().getSimpleName().toLowerCase(Locale.ROOT)
                    + " request is " + bytes.length + " bytes, more than one remoting message carries (" + MAX_FRAME_KEY
                    + " = " + maxFrameBytes + " bytes, less " + ENVELOPE_BYTES + " for its envelope)");
        }
    }

    private static <T> T await(CompletionStage<T> reply, Duration timeout, DaemonLocation location) {
        try {
            // the ask fails by itself after the timeout; the extra second only guards against a lost failure
            return reply.toCompletableFuture().get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DaemonNotAnsweringException(location.notAnswering(timeout));
        } catch (ExecutionException | TimeoutException e) {
            throw new DaemonNotAnsweringException(location.notAnswering(timeout));
        }
    }

    private static void terminate(ActorSystem<Void> system) {
        system.terminate();
        try {
            system.getWhenTerminated().toCompletableFuture().get(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // the process ends anyway; nothing the user can act on
        }
    }
}
