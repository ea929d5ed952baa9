package io.diffusim.actors.daemon;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.Map;

/**
 * The {@code diffusim.remote} settings of reference.conf (docs/architecture.md §3-§4): actor system names, the
 * front door's path, the CLI's timeouts and polling interval, and the Artery configuration of a daemon or
 * client actor system.
 */
public record RemoteSettings(String daemonSystem, String clientSystem, Duration askTimeout, Duration exportTimeout,
        Duration pollInterval) {

    /** Where the daemon guardian spawns the front door: {@code pekko://diffusim@HOST:PORT/user/front-door}. */
    public static final String FRONT_DOOR_PATH = "/user/front-door";

    private static final String ROOT = "diffusim.remote";

    public RemoteSettings {
        requirePositive("ask-timeout", askTimeout);
        requirePositive("export-timeout", exportTimeout);
        requirePositive("poll-interval", pollInterval);
    }

    /** The settings of the application's configuration (reference.conf and any application.conf). */
    public static RemoteSettings load() {
        return from(ConfigFactory.load());
    }

    public static RemoteSettings from(Config config) {
        Config remote = config.getConfig(ROOT);
        return new RemoteSettings(remote.getString("daemon-system"), remote.getString("client-system"),
                remote.getDuration("ask-timeout"), remote.getDuration("export-timeout"),
                remote.getDuration("poll-interval"));
    }

    /**
     * The configuration of the daemon's actor system, reachable over Artery TCP at {@code host:port} (port 0: an
     * ephemeral one): {@code diffusim.remote.system} laid over {@code base}.
     */
    public static Config daemonConfig(Config base, String host, int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--port " + port + ": expected 0 (any free port) to 65535");
        }
        Map<String, Object> address = Map.of("pekko.remote.artery.canonical.hostname", host,
                "pekko.remote.artery.canonical.port", port);
        return ConfigFactory.parseMap(address).withFallback(base.getConfig(ROOT + ".system")).withFallback(base);
    }

    /** The configuration of a CLI client's actor system: an ephemeral loopback port, {@code diffusim.remote.client} on top. */
    public static Config clientConfig(Config base) {
        return base.getConfig(ROOT + ".client").withFallback(daemonConfig(base, "127.0.0.1", 0));
    }

    /** The front door's actor path on the daemon at {@code host:port}. */
    public String frontDoorPath(String host, int port) {
        return "pekko://" + daemonSystem + "@" + host + ":" + port + FRONT_DOOR_PATH;
    }

    private static void requirePositive(String key, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(ROOT + "." + key + " = " + value + ": expected a positive duration");
        }
    }
}
