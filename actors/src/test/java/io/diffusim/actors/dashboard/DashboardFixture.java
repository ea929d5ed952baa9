package io.diffusim.actors.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import io.diffusim.actors.daemon.DaemonProcess;
import io.diffusim.actors.protocol.FrontDoorCommand;
import io.diffusim.actors.protocol.FrontDoorCommand.Action;
import io.diffusim.actors.protocol.FrontDoorCommand.RunStatus;
import io.diffusim.actors.runtime.Daemon;
import io.diffusim.actors.runtime.DaemonHealth;
import io.diffusim.actors.runtime.DaemonSettings;
import io.diffusim.actors.runtime.RunObserver;
import io.diffusim.actors.store.InMemoryRunStore;
import io.diffusim.actors.store.RunStore;
import io.diffusim.actors.testing.RunAwait;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.actor.typed.javadsl.AskPattern;

/**
 * A daemon in this JVM (in-memory store, real front door over Artery on loopback) with its dashboard on a free port,
 * wired as {@code diffusim daemon} wires them; runs are submitted through the front door as the CLI submits them.
 */
final class DashboardFixture implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(60);

    final DaemonProcess daemon;
    final Dashboard dashboard;
    final DashboardHub hub;
    final FrontDoorAsk frontDoor;
    private final ActorRef<FrontDoorCommand> frontDoorRef;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private DashboardFixture(DaemonProcess daemon, Dashboard dashboard, DashboardHub hub,
            ActorRef<FrontDoorCommand> frontDoorRef) {
        this.daemon = daemon;
        this.dashboard = dashboard;
        this.hub = hub;
        this.frontDoorRef = frontDoorRef;
        this.frontDoor = new FrontDoorAsk(frontDoorRef, daemon.system(), TIMEOUT);
    }

    static DashboardFixture start(Path dataDir) {
        return start(dataDir, DashboardSettings.from(ConfigFactory.load()).withPort(0));
    }

    static DashboardFixture start(Path dataDir, DashboardSettings settings) {
        return start(dataDir, settings, List.of());
    }

    /** A daemon whose runs also tell {@code observers} (beside the dashboard) of every event. */
    static DashboardFixture start(Path dataDir, DashboardSettings settings, List<RunObserver> observers) {
        return start(dataDir, settings, observers, new InMemoryRunStore());
    }

    /** As {@link #start(Path, DashboardSettings, List)} on the given store. */
    static DashboardFixture start(Path dataDir, DashboardSettings settings, List<RunObserver> observers,
            RunStore store) {
        return start(dataDir, settings, observers, store, null);
    }

    /** As {@link #start(Path, DashboardSettings, List, RunStore)}, over HTTPS with {@code tls} unless null. */
    static DashboardFixture start(Path dataDir, DashboardSettings settings, List<RunObserver> observers,
            RunStore store, SSLContext tls) {
        DashboardHub hub = new DashboardHub(settings.maxPoints());
        DaemonHealth health = new DaemonHealth(Instant.now());
        List<RunObserver> all = new ArrayList<>(observers);
        all.add(new RunObserver("dashboard", hub));
        DaemonProcess daemon = DaemonProcess.start(dataDir, "127.0.0.1", 0, (dir, config) -> {
            return new DaemonProcess.Parts(Daemon.create(store, DaemonSettings.from(config, dir), all, health), store);
        });
        try {
            Dashboard dashboard = Dashboard.start(daemon.system(), hub, health, "127.0.0.1", settings,
                    daemon.runsDirectory(), tls);
            ActorRef<FrontDoorCommand> frontDoor = Adapter.toTyped(daemon.system().classicSystem()
                    .actorSelection("/user/" + Daemon.FRONT_DOOR_NAME).resolveOne(TIMEOUT).toCompletableFuture().join());
            return new DashboardFixture(daemon, dashboard, hub, frontDoor);
        } catch (RuntimeException e) {
            daemon.close();
            throw e;
        }
    }

    /** Submits a spec as {@code diffusim submit} does; returns the run id. */
    String submit(String spec) {
        FrontDoorCommand.SubmitReply reply = AskPattern.<FrontDoorCommand, FrontDoorCommand.SubmitReply>ask(frontDoorRef,
                replyTo -> new FrontDoorCommand.Submit(spec, null, replyTo), TIMEOUT, daemon.system().scheduler())
                .toCompletableFuture().join();
        assertThat(reply).as("submit").isInstanceOf(FrontDoorCommand.Submitted.class);
        return ((FrontDoorCommand.Submitted) reply).runId();
    }

    RunStatus status(String runId) {
        return ((FrontDoorCommand.Status) frontDoor.status(runId).toCompletableFuture().join()).status();
    }

    /** The run's status after the action, or as it is when the action did not apply. */
    RunStatus control(String runId, Action action) {
        FrontDoorCommand.StatusReply reply = frontDoor.control(runId, action).toCompletableFuture().join();
        return reply instanceof FrontDoorCommand.NotApplied refused ? refused.status()
                : ((FrontDoorCommand.Status) reply).status();
    }

    /** Polls the run's status until it matches. */
    RunStatus await(String runId, Predicate<RunStatus> until) {
        return RunAwait.until(() -> status(runId), until, Duration.ofSeconds(180));
    }

    String url(String path) {
        return dashboard.url() + path.substring(1);
    }

    /** The link that lets a browser in (sets the token cookie). */
    String loginUrl() {
        return dashboard.loginUrl();
    }

    /** The {@code Authorization} header value every request of this fixture carries. */
    String bearer() {
        return "Bearer " + dashboard.token();
    }

    HttpResponse<String> get(String path) {
        return send(authorized(path).GET());
    }

    HttpResponse<byte[]> getBytes(String path) {
        return send(authorized(path).GET(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> post(String path) {
        return send(authorized(path).POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** A request without the token, or with the headers given as name, value pairs. */
    HttpResponse<String> send(String method, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    private HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", bearer());
    }

    HttpClient http() {
        return http;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request.timeout(TIMEOUT).build(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A moons run on the optimal empirical denoiser with DDPM over {@code timesteps} steps. */
    static String moons(String name, int particles, int timesteps, String analyses, int checkpointEvery) {
        return """
                run {
                  name = "%s"
                  seed = 5
                  particles = %d
                  batch-size = 64
                  data { kind = moons, n = 300 }
                  process { kind = vp, timesteps = %d }
                  model { kind = empirical }
                  sampler { kind = ddpm }
                  analyses = [ %s ]
                  record-every = 1
                  checkpoint-every = %d
                }
                """.formatted(name, particles, timesteps, analyses, checkpointEvery);
    }

    @Override
    public void close() {
        daemon.close();
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
