package io.diffusim.actors.daemon;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The {@code diffusim.remote} settings of reference.conf (docs/architecture.md §3-§4): actor system names, the
 * front door's path, the CLI's timeouts and polling interval, and the Artery configuration of a daemon or
 * client actor system: plain TCP on loopback, TLS with mutual authentication ({@code diffusim.remote.tls}) when
 * enabled, which it must be for any other address (docs/security.md).
 */
public record RemoteSettings(String daemonSystem, String clientSystem, Duration askTimeout, Duration exportTimeout,
        Duration pollInterval) {

    /** Where the daemon guardian spawns the front door, reachable only inside the daemon's process. */
    public static final String FRONT_DOOR_PATH = "/user/front-door";
    /** The system actor other processes talk to: {@code pekko://diffusim@HOST:PORT/system/front-door-gate}. */
    public static final String GATE_NAME = "front-door-gate";
    public static final String GATE_PATH = "/system/" + GATE_NAME;

    private static final String ROOT = "diffusim.remote";
    private static final String TLS = ROOT + ".tls";
    private static final String SSL = "pekko.remote.artery.ssl.config-ssl-engine.";

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
     * ephemeral one): {@code diffusim.remote.system} laid over {@code base}, over TLS when {@code diffusim.remote.tls}
     * is enabled.
     *
     * @throws IllegalArgumentException for a port out of range, or an address that is not loopback without TLS
     */
    public static Config daemonConfig(Config base, String host, int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--port " + port + ": expected 0 (any free port) to 65535");
        }
        boolean tls = base.getBoolean(TLS + ".enabled");
        if (!tls && !Loopback.is(host)) {
            throw new IllegalArgumentException("--bind " + host + ": remoting on an address other machines can reach"
                    + " needs TLS with mutual authentication: set " + TLS + ".enabled = on with its key-store and"
                    + " trust-store (docs/security.md)");
        }
        Map<String, Object> address = new HashMap<>(Map.of("pekko.remote.artery.canonical.hostname", host,
                "pekko.remote.artery.canonical.port", port));
        if (tls) {
            address.putAll(tlsSettings(base.getConfig(TLS)));
        }
        return ConfigFactory.parseMap(address).withFallback(base.getConfig(ROOT + ".system")).withFallback(base);
    }

    /** Artery's {@code tls-tcp} transport with the configured stores; both ends must show a trusted certificate. */
    private static Map<String, Object> tlsSettings(Config tls) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("pekko.remote.artery.transport", "tls-tcp");
        settings.put(SSL + "require-mutual-authentication", "on");
        settings.put(SSL + "key-store", existingFile(tls, "key-store"));
        settings.put(SSL + "trust-store", existingFile(tls, "trust-store"));
        settings.put(SSL + "key-store-password", tls.getString("key-store-password"));
        String keyPassword = tls.getString("key-password");
        settings.put(SSL + "key-password", keyPassword.isEmpty() ? tls.getString("key-store-password") : keyPassword);
        settings.put(SSL + "trust-store-password", tls.getString("trust-store-password"));
        return settings;
    }

    /**
     * The dashboard's HTTPS context when {@code diffusim.remote.tls.enabled} is on (the key store's key and
     * certificate; browsers need not show one back), else null.
     */
    public static SSLContext dashboardTls(Config base) {
        if (!base.getBoolean(TLS + ".enabled")) {
            return null;
        }
        Config tls = base.getConfig(TLS);
        String file = existingFile(tls, "key-store");
        char[] storePassword = tls.getString("key-store-password").toCharArray();
        String keyPassword = tls.getString("key-password");
        try {
            KeyStore store = KeyStore.getInstance(new File(file), storePassword);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, keyPassword.isEmpty() ? storePassword : keyPassword.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(TLS + ".key-store = \"" + file + "\": cannot be read for the dashboard's "
                    + "HTTPS (" + e.getMessage() + ")", e);
        }
    }

    private static String existingFile(Config tls, String key) {
        String path = tls.getString(key);
        if (path.isEmpty() || !Files.isRegularFile(Path.of(path))) {
            throw new IllegalArgumentException(TLS + "." + key + " = \"" + path + "\": expected a key store file (PKCS12"
                    + " or JKS) when " + TLS + ".enabled = on");
        }
        return path;
    }

    /** The configuration of a CLI client's actor system: an ephemeral loopback port, {@code diffusim.remote.client} on top. */
    public static Config clientConfig(Config base) {
        return base.getConfig(ROOT + ".client").withFallback(daemonConfig(base, "127.0.0.1", 0));
    }

    /** The remote gate's actor path on the daemon at {@code host:port}. */
    public String gatePath(String host, int port) {
        return "pekko://" + daemonSystem + "@" + host + ":" + port + GATE_PATH;
    }

    private static void requirePositive(String key, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(ROOT + "." + key + " = " + value + ": expected a positive duration");
        }
    }
}
