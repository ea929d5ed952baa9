package io.diffusim.actors.client;

import com.typesafe.config.ConfigFactory;
import io.diffusim.actors.daemon.RemoteSettings;
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
import org.slf4j.LoggerFactory;

/**
 * The CLI's side of the front-door protocol (docs/architecture.md §4): a small actor system on an ephemeral
 * loopback port that resolves the daemon's front door by path and asks it, one request at a time. The calling
 * thread waits for each answer, so only the CLI's top level uses it.
 */
public final class DaemonClient implements AutoCloseable {

    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private final ActorSystem<Void> system;
    private final ActorRef<FrontDoorCommand> frontDoor;
    private final DaemonLocation location;
    private final RemoteSettings settings;

    private DaemonClient(ActorSystem<Void> system, ActorRef<FrontDoorCommand> frontDoor, DaemonLocation location,
            RemoteSettings settings) {
        this.system = system;
        this.frontDoor = frontDoor;
        this.location = location;
        this.settings = settings;
    }

    /**
     * Starts the client system and resolves the front door of the daemon at {@code location}.
     *
     * @throws DaemonUnreachableException when the front door does not answer within the ask timeout
     */
    public static DaemonClient connect(DaemonLocation location) {
        // SLF4J set up before Pekko's threads log, or it reports replaying their calls on stderr
        LoggerFactory.getILoggerFactory();
        var config = RemoteSettings.clientConfig(ConfigFactory.load());
        RemoteSettings settings = RemoteSettings.from(config);
        ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), settings.clientSystem(), config);
        try {
            var classic = system.classicSystem().actorSelection(settings.frontDoorPath(location.host(), location.port()))
                    .resolveOne(settings.askTimeout());
            ActorRef<FrontDoorCommand> frontDoor = Adapter.toTyped(await(classic, settings.askTimeout(), location));
            return new DaemonClient(system, frontDoor, location, settings);
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
     */
    public SubmitReply submit(String specText, Path specDirectory) {
        String requestId = UUID.randomUUID().toString();
        Function<ActorRef<SubmitReply>, FrontDoorCommand> request =
                replyTo -> new FrontDoorCommand.Submit(specText, specDirectory.toString(), requestId, replyTo);
        try {
            return ask(request, settings.askTimeout());
        } catch (DaemonUnreachableException first) {
            return ask(request, settings.askTimeout());
        }
    }

    public List<RunStatus> list() {
        return this.<FrontDoorCommand.RunList>ask(FrontDoorCommand.ListRuns::new, settings.askTimeout()).runs();
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

    private <R> R ask(Function<ActorRef<R>, FrontDoorCommand> request, Duration timeout) {
        return await(AskPattern.ask(frontDoor, request::apply, timeout, system.scheduler()), timeout, location);
    }

    private static <T> T await(CompletionStage<T> reply, Duration timeout, DaemonLocation location) {
        try {
            // the ask fails by itself after the timeout; the extra second only guards against a lost failure
            return reply.toCompletableFuture().get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DaemonUnreachableException(location.notAnswering(timeout));
        } catch (ExecutionException | TimeoutException e) {
            throw new DaemonUnreachableException(location.notAnswering(timeout));
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
