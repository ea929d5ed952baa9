package io.diffusim.actors.daemon;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.diffusim.actors.dashboard.Dashboard;
import io.diffusim.actors.dashboard.DashboardHub;
import io.diffusim.actors.dashboard.DashboardSettings;
import io.diffusim.actors.runtime.Daemon;
import io.diffusim.actors.runtime.DaemonSettings;
import io.diffusim.actors.runtime.RunEvents;
import io.diffusim.actors.runtime.RunEventsFanOut;
import io.diffusim.actors.store.ChronicleRunStore;
import io.diffusim.actors.store.StoreSizing;
import io.diffusim.actors.stream.MetricStream;
import io.diffusim.actors.stream.StreamSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.agrona.CloseHelper;

/**
 * The daemon's top level (docs/architecture.md §3): opens the data directory's store, starts the actor system with the
 * daemon guardian, prints where it listens, and blocks until it is shut down.
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
     */
    public static void run(Path dataDir, String bind, int port, Integer httpPort, PrintWriter out) {
        Started started = start(dataDir, bind, port, httpPort);
        DaemonProcess daemon = started.daemon();
        out.println("diffusim daemon on " + daemon.host() + ":" + daemon.port() + ", data dir " + daemon.dataDir());
        out.println("dashboard on " + started.dashboard().url());
        out.flush();
        daemon.awaitTermination();
    }

    /**
     * Starts the daemon of {@code dataDir} on {@code bind:port} with its dashboard on {@code bind:httpPort} (null:
     * the configured port; 0: any free port), as {@code daemon} and {@code demo} run it.
     */
    public static Started start(Path dataDir, String bind, int port, Integer httpPort) {
        DashboardSettings configured = DashboardSettings.from(ConfigFactory.load());
        DashboardSettings dashboardSettings = httpPort == null ? configured : configured.withPort(httpPort);
        DashboardHub hub = new DashboardHub(dashboardSettings.maxPoints());
        DaemonProcess daemon = DaemonProcess.start(dataDir, bind, port, (dir, config) -> parts(dir, config, hub));
        try {
            return new Started(daemon, Dashboard.start(daemon.system(), hub, bind, dashboardSettings));
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
        return parts(dataDir, config, RunEvents.NONE);
    }

    /** As {@link #parts(Path, Config)}, the runs also telling {@code live} (e.g. the dashboard) of every event. */
    public static DaemonProcess.Parts parts(Path dataDir, Config config, RunEvents live) {
        StreamSettings streamSettings = StreamSettings.from(config, dataDir);
        ChronicleRunStore store = ChronicleRunStore.open(dataDir, StoreSizing.from(config));
        MetricStream stream = null;
        try {
            stream = streamSettings.enabled() ? MetricStream.open(streamSettings) : null;
            RunEvents events = stream == null ? live : RunEventsFanOut.of(stream.publisher(), live);
            MetricStream opened = stream;
            return new DaemonProcess.Parts(Daemon.create(store, DaemonSettings.from(config, dataDir), events),
                    () -> CloseHelper.closeAll(opened, store), stream == null ? null : stream.address());
        } catch (RuntimeException e) {
            CloseHelper.quietCloseAll(stream, store);
            throw e;
        }
    }
}
