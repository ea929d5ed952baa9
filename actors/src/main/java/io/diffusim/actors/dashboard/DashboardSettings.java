package io.diffusim.actors.dashboard;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * The {@code diffusim.dashboard} settings (diffusim-dashboard.conf), read and validated once (docs/style.md habit 7).
 *
 * @param port              the HTTP port (0: any free port)
 * @param maxPoints         most points a chart shows per series; longer series are decimated
 * @param snapshotParticles most particles a snapshot shows
 * @param snapshotValues    most numbers a snapshot carries (bounds image runs)
 * @param askTimeout        how long a request waits for the front door
 * @param clientBuffer      events a live connection may fall behind before it is cut off
 */
public record DashboardSettings(int port, int maxPoints, int snapshotParticles, int snapshotValues, Duration askTimeout,
        int clientBuffer) {

    private static final String ROOT = "diffusim.dashboard.";

    public DashboardSettings {
        if (port < 0 || port > 65_535) {
            throw bad("port", port, "an integer in [0, 65535]");
        }
        if (maxPoints < 2) {
            throw bad("max-points", maxPoints, "an integer >= 2");
        }
        if (snapshotParticles < 1) {
            throw bad("snapshot-particles", snapshotParticles, "an integer >= 1");
        }
        if (snapshotValues < 1) {
            throw bad("snapshot-values", snapshotValues, "an integer >= 1");
        }
        if (askTimeout.isNegative() || askTimeout.isZero()) {
            throw bad("ask-timeout", askTimeout, "a positive duration");
        }
        if (clientBuffer < 16) {
            throw bad("client-buffer", clientBuffer, "an integer >= 16");
        }
    }

    /** The settings under {@code diffusim.dashboard} of {@code config}. */
    public static DashboardSettings from(Config config) {
        Config dashboard = config.getConfig("diffusim.dashboard");
        return new DashboardSettings(dashboard.getInt("port"), dashboard.getInt("max-points"),
                dashboard.getInt("snapshot-particles"), dashboard.getInt("snapshot-values"),
                dashboard.getDuration("ask-timeout"), dashboard.getInt("client-buffer"));
    }

    /** The same settings on another port (the daemon's --http-port). */
    public DashboardSettings withPort(int newPort) {
        return new DashboardSettings(newPort, maxPoints, snapshotParticles, snapshotValues, askTimeout, clientBuffer);
    }

    private static IllegalArgumentException bad(String key, Object value, String expected) {
        return new IllegalArgumentException(ROOT + key + " = " + value + ": expected " + expected);
    }
}
