package io.diffusim.actors.dashboard;

import io.diffusim.actors.daemon.Loopback;
import io.diffusim.actors.protocol.FrontDoorCommand;
import io.diffusim.actors.runtime.Daemon;
import io.diffusim.actors.runtime.DaemonFailure;
import io.diffusim.actors.runtime.DaemonHealth;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.http.javadsl.ConnectionContext;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBuilder;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.stream.Materializer;

/**
 * The daemon's web dashboard (docs/architecture.md §3-4): an HTTP server in the daemon's actor system, on the daemon's
 * bind address, serving the run list, run pages with live charts fed by a {@link DashboardHub}, and controls that
 * send the front door the CLI's own messages. Unbound by the actor system's coordinated shutdown.
 */
public final class Dashboard {

    private static final Duration BIND_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration UNBIND_DEADLINE = Duration.ofSeconds(3);
    private static final String CHART_JS_POM = "META-INF/maven/org.webjars.npm/chart.js/pom.properties";

    private final ServerBinding binding;
    private final DashboardAccess access;
    private final boolean https;

    private Dashboard(ServerBinding binding, DashboardAccess access, boolean https) {
        this.binding = binding;
        this.access = access;
        this.https = https;
    }

    /**
     * Serves the dashboard of the daemon running in {@code system} (its front door already started) on
     * {@code host:settings.port()} (0: any free port); done runs' output directories are under {@code runsDirectory}.
     */
    public static Dashboard start(ActorSystem<?> system, DashboardHub hub, DaemonHealth health, String host,
            DashboardSettings settings, Path runsDirectory) {
        return start(system, hub, health, host, settings, runsDirectory, null);
    }

    /**
     * As {@link #start(ActorSystem, DashboardHub, DaemonHealth, String, DashboardSettings, Path)}, over HTTPS with
     * {@code tls} (the daemon's key store, docs/security.md) unless it is null. Off loopback, HTTPS is required: the
     * token would otherwise cross the network in the clear.
     */
    public static Dashboard start(ActorSystem<?> system, DashboardHub hub, DaemonHealth health, String host,
            DashboardSettings settings, Path runsDirectory, SSLContext tls) {
        if (tls == null && !Loopback.is(host)) {
            throw new IllegalArgumentException("--bind " + host + ": the dashboard on an address other machines can "
                    + "reach needs HTTPS: set diffusim.remote.tls.enabled = on with its key-store (docs/security.md)");
        }
        FrontDoorAsk frontDoor = new FrontDoorAsk(frontDoor(system), system, settings.askTimeout());
        DashboardPages pages = new DashboardPages("/webjars/chart.js/" + chartJsVersion() + "/dist/chart.umd.js");
        DashboardAccess access = DashboardAccess.withFreshToken(tls != null);
        DashboardRoutes routes = new DashboardRoutes(frontDoor, hub, health, settings, pages,
                Materializer.matFromSystem(system), runsDirectory,
                system.dispatchers().lookup(DispatcherSelector.blocking()), access);
        try {
            ServerBuilder server = Http.get(system).newServerAt(host, settings.port());
            if (tls != null) {
                server = server.enableHttps(ConnectionContext.httpsServer(tls));
            }
            ServerBinding binding = server.bind(routes.route())
                    .toCompletableFuture().get(BIND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            binding.addToCoordinatedShutdown(UNBIND_DEADLINE, system);
            binding.whenTerminated().thenRun(() -> onServerStopped(system, health, binding));
            return new Dashboard(binding, access, tls != null);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalArgumentException("cannot serve the dashboard on " + host + ":" + settings.port() + ": "
                    + cause.getMessage() + " (choose another --http-port)", cause);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the dashboard did not bind " + host + ":" + settings.port() + " within "
                    + BIND_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the dashboard was starting", e);
        }
    }

    /**
     * The HTTP server ends with the daemon's shutdown; ending at any other time leaves the daemon without its
     * dashboard, so the daemon shuts down naming it (docs/supervision.md) rather than run on half-alive.
     */
    private static void onServerStopped(ActorSystem<?> system, DaemonHealth health, ServerBinding binding) {
        DaemonFailure.essentialStopped(system, health, "dashboard", "HTTP server on "
                + binding.localAddress().getHostString() + ":" + binding.localAddress().getPort() + " stopped");
    }

    /** The server's binding (tests end it to see the daemon shut down). */
    ServerBinding binding() {
        return binding;
    }

    /** The port the dashboard listens on. */
    public int port() {
        return binding.localAddress().getPort();
    }

    /** The dashboard's address, e.g. {@code http://127.0.0.1:8470/} ({@code https} with TLS). */
    public String url() {
        return (https ? "https://" : "http://") + binding.localAddress().getHostString() + ":" + port() + "/";
    }

    /** The link that lets a browser in: {@code http://127.0.0.1:8470/login?token=T}. */
    public String loginUrl() {
        return url() + "login?token=" + access.token();
    }

    /** The token scripts send as {@code Authorization: Bearer TOKEN}. */
    public String token() {
        return access.token();
    }

    private static ActorRef<FrontDoorCommand> frontDoor(ActorSystem<?> system) {
        try {
            return Adapter.toTyped(system.classicSystem().actorSelection("/user/" + Daemon.FRONT_DOOR_NAME)
                    .resolveOne(BIND_TIMEOUT).toCompletableFuture().get());
        } catch (ExecutionException e) {
            throw new IllegalStateException("the dashboard found no front door at /user/" + Daemon.FRONT_DOOR_NAME, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the dashboard was starting", e);
        }
    }

    /** The Chart.js version of the WebJar on the classpath (its path under /webjars names it). */
    private static String chartJsVersion() {
        try (InputStream in = Dashboard.class.getClassLoader().getResourceAsStream(CHART_JS_POM)) {
            if (in == null) {
                throw new IllegalStateException("the Chart.js WebJar is not on the classpath (" + CHART_JS_POM + ")");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
