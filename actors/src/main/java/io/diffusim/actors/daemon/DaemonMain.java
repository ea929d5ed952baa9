package io.diffusim.actors.daemon;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.diffusim.actors.dashboard.Dashboard;
import io.diffusim.actors.dashboard.DashboardHub;
import io.diffusim.actors.dashboard.DashboardLink;
import io.diffusim.actors.dashboard.DashboardSettings;
import io.diffusim.actors.runtime.Daemon;
import io.diffusim.actors.runtime.DaemonHealth;
import io.diffusim.actors.runtime.DaemonSettings;
import io.diffusim.actors.runtime.RunObserver;
import io.diffusim.actors.store.ChronicleRunStore;
import io.diffusim.actors.store.StoreSizing;
import io.diffusim.actors.stream.MetricStream;
import io.diffusim.actors.stream.StreamSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.agrona.CloseHelper;

/**
 * The daemon's top level (docs/architecture.md §3): opens the data directory's store, starts the actor system with
 * the daemon guardian, prints where it listens, and blocks until it is shut down.
 */
public final class DaemonMain {

    private DaemonMain() {
    }

    /** A started daemon and its dashboard. */
    public record Started(DaemonProcess daemon, Dashboard dashboard) {
    }

    /**
     * Runs the daemon of {@code dataDir} on {@code bind:port} (0: any free port), with its dashboard on
     * {@code bind:httpPort} (null: the configured port), until it is shut down.
     *
     * @return why the daemon shut itself down (a part it cannot work without stopped), or empty after a requested
     *         shutdown
     */
    public static Optional<String> run(Path dataDir, String bind, int port, Integer httpPort, PrintWriter out) {
        Started started = start(dataDir, bind, port, httpPort);
        DaemonProcess daemon = started.daemon();
        out.println("diffusim daemon on " + daemon.host() + ":" + daemon.port() + ", data dir " + daemon.dataDir());
        out.println("dashboard on " + started.dashboard().loginUrl() + " (the link holds its token; also in "
                + DashboardLink.NAME + " in the data dir)");
        out.flush();
        return daemon.awaitTermination();
    }

    /**
     * Starts the daemon of {@code dataDir} on {@code bind:port} with its dashboard on {@code bind:httpPort} (null:
     * the configured port; 0: any free port), as {@code daemon} and {@code demo} run it.
     */
    public static Started start(Path dataDir, String bind, int port, Integer httpPort) {
        DashboardSettings configured = DashboardSettings.from(ConfigFactory.load());
        DashboardSettings dashboardSettings = httpPort == null ? configured : configured.withPort(httpPort);
        DashboardHub hub = new DashboardHub(dashboardSettings.maxPoints());
        DaemonHealth health = new DaemonHealth(Instant.now());
        DaemonProcess daemon = DaemonProcess.start(dataDir, bind, port,
                (dir, config) -> parts(dir, config, List.of(new RunObserver("dashboard", hub)), health));
        try {
            Dashboard dashboard = Dashboard.start(daemon.system(), hub, health, bind, dashboardSettings,
                    daemon.runsDirectory(), RemoteSettings.dashboardTls(ConfigFactory.load()));
            DashboardLink.write(daemon.dataDir(), dashboard.loginUrl());
            return new Started(daemon, dashboard);
        } catch (RuntimeException e) {
            daemon.close();
            throw e;
        }
    }

    /**
     * The Chronicle Map store of {@code dataDir}, the metric stream (unless disabled) and the daemon guardian over
     * them (also for an in-process daemon); the stream is closed before the store.
     */
    public static DaemonProcess.Parts parts(Path dataDir, Config config) {
        return parts(dataDir, config, List.of(), new DaemonHealth(Instant.now()));
    }

    /**
     * As {@link #parts(Path, Config)}, the runs also telling {@code live} (e.g. the dashboard) of every event, each
     * observer on a thread of its own; {@code health} learns what stops for good.
     */
    public static DaemonProcess.Parts parts(Path dataDir, Config config, List<RunObserver> live, DaemonHealth health) {
        StreamSettings streamSettings = StreamSettings.from(config, dataDir);
        ChronicleRunStore store = ChronicleRunStore.open(dataDir, StoreSizing.from(config));
        MetricStream stream = null;
        try {
            stream = streamSettings.enabled() ? MetricStream.open(streamSettings) : null;
            List<RunObserver> observers = new ArrayList<>();
            if (stream != null) {
                observers.add(new RunObserver("metric stream", stream.publisher()));
            }
            observers.addAll(live);
            MetricStream opened = stream;
            return new DaemonProcess.Parts(Daemon.create(store, DaemonSettings.from(config, dataDir), observers, health),
                    () -> CloseHelper.closeAll(opened, store), stream == null ? null : stream.address());
        } catch (RuntimeException e) {
            CloseHelper.quietCloseAll(stream, store);
            throw e;
        }
    }
}
