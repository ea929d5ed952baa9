package io.diffusim.actors.daemon;

import com.typesafe.config.Config;
import io.diffusim.actors.runtime.Daemon;
import io.diffusim.actors.runtime.DaemonSettings;
import io.diffusim.actors.store.ChronicleRunStore;
import io.diffusim.actors.store.StoreSizing;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * The daemon's top level (ARCHITECTURE.md §3): opens the data directory's store, starts the actor system with the
 * daemon guardian, prints where it listens, and blocks until it is shut down.
 */
public final class DaemonMain {

    private DaemonMain() {
    }

    /** Runs the daemon of {@code dataDir} on {@code bind:port} (0: any free port) until it is shut down. */
    public static void run(Path dataDir, String bind, int port, PrintWriter out) {
        DaemonProcess daemon = DaemonProcess.start(dataDir, bind, port, DaemonMain::parts);
        out.println("diffusim daemon on " + daemon.host() + ":" + daemon.port() + ", data dir " + daemon.dataDir());
        out.flush();
        daemon.awaitTermination();
    }

    /** The Chronicle Map store of {@code dataDir} and the daemon guardian over it (also for an in-process daemon). */
    public static DaemonProcess.Parts parts(Path dataDir, Config config) {
        ChronicleRunStore store = ChronicleRunStore.open(dataDir, StoreSizing.from(config));
        try {
            return new DaemonProcess.Parts(Daemon.create(store, DaemonSettings.from(config, dataDir)), store);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }
}
