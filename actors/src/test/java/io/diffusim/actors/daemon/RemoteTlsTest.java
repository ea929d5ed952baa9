package io.diffusim.actors.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.diffusim.actors.client.DaemonClient;
import io.diffusim.actors.client.DaemonLocation;
import io.diffusim.actors.client.DaemonNotAnsweringException;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Path;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/security.md, remoting off loopback: a daemon on an address other machines can reach must use Artery's TLS with
 * mutual authentication; a client whose certificate the daemon's trust store lacks, or one without TLS, gets no answer.
 * The key stores are made by the JDK's keytool for each test.
 */
class RemoteTlsTest {

    @TempDir
    Path dir;

    @Test
    void shouldRefuseAnAddressOtherMachinesCanReachWithoutTls() {
        // a documentation address (RFC 5737): only its kind is checked, nothing is bound
        assertThatThrownBy(() -> RemoteSettings.daemonConfig(ConfigFactory.load(), "203.0.113.5", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--bind 203.0.113.5: remoting on an address other machines can reach needs TLS with mutual"
                        + " authentication: set diffusim.remote.tls.enabled = on with its key-store and trust-store"
                        + " (docs/security.md)");
        assertThat(RemoteSettings.daemonConfig(ConfigFactory.load(), "127.0.0.1", 0)
                .getString("pekko.remote.artery.transport")).isEqualTo("tcp");
    }

    @Test
    void shouldNameAMissingKeyStore() {
        Config tls = tls(dir.resolve("absent.p12"), dir.resolve("absent.p12"));
        assertThatThrownBy(() -> RemoteSettings.daemonConfig(tls, "127.0.0.1", 0))
                .hasMessageStartingWith("diffusim.remote.tls.key-store = \"" + dir.resolve("absent.p12") + "\"");
    }

    @Test
    void shouldAnswerOnlyAClientWithATrustedCertificateOverTls() throws Exception {
        Path daemonStore = keyStore("daemon");
        Path trusted = keyStore("trusted");
        Path stranger = keyStore("stranger");
        Path trust = dir.resolve("trust.p12");
        importCertificate(daemonStore, "daemon", trust);
        importCertificate(trusted, "trusted", trust);
        String address = reachableAddress();
        try (DaemonProcess daemon = DaemonProcess.start(dir.resolve("data"), address, 0, tls(daemonStore, trust),
                (dataDir, config) -> new DaemonProcess.Parts(FakeFrontDoor.guardian(), () -> { }))) {
            assertThat(daemon.system().settings().config().getString("pekko.remote.artery.transport"))
                    .isEqualTo("tls-tcp");
            DaemonLocation location = DaemonLocation.find(dir.resolve("data"), null);
            assertThat(location.host()).isEqualTo(address);
            // the first TLS handshake of a JVM is slow on a busy machine: the trusted client may wait longer
            Config patient = ConfigFactory.parseString("diffusim.remote.ask-timeout = 30s")
                    .withFallback(tls(trusted, trust));
            try (DaemonClient client = DaemonClient.connect(location, patient)) {
                assertThat(client.list()).isEmpty();
            }
            assertThatThrownBy(() -> DaemonClient.connect(location, tls(stranger, stranger)).close())
                    .as("a certificate the daemon does not trust").isInstanceOf(DaemonNotAnsweringException.class);
            assertThatThrownBy(() -> DaemonClient.connect(location, ConfigFactory.load()).close())
                    .as("plain TCP").isInstanceOf(DaemonNotAnsweringException.class);
        }
    }

    private Config tls(Path keyStore, Path trustStore) {
        return TestKeyStores.tls(keyStore, trustStore);
    }

    private Path keyStore(String alias) throws IOException, InterruptedException {
        return new TestKeyStores(dir).keyStore(alias);
    }

    private void importCertificate(Path from, String alias, Path trust) throws IOException, InterruptedException {
        new TestKeyStores(dir).trust(from, alias, trust);
    }

    /** This machine's first non-loopback IPv4 address, else loopback (TLS is then tested there). */
    private static String reachableAddress() throws SocketException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address) {
                        return address.getHostAddress();
                    }
                }
            }
        }
        return "127.0.0.1";
    }
}
