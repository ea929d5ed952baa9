package io.diffusim.actors.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import io.diffusim.actors.daemon.RemoteSettings;
import io.diffusim.actors.daemon.TestKeyStores;
import io.diffusim.actors.runtime.ForwardingRunStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/security.md, the dashboard off loopback: with {@code diffusim.remote.tls} on, the dashboard serves HTTPS with
 * the daemon's key store (its links are https, its cookie Secure) and plain HTTP gets no page; without TLS it refuses
 * an address other machines can reach.
 */
class DashboardTlsTest {

    @TempDir
    Path dir;

    @Test
    void shouldServeHttpsWithTheDaemonsKeyStoreAndNoPlainHttp() throws Exception {
        TestKeyStores stores = new TestKeyStores(dir);
        Path key = stores.keyStore("daemon", "ip:127.0.0.1");
        Path trust = dir.resolve("trust.p12");
        stores.trust(key, "daemon", trust);
        SSLContext server = RemoteSettings.dashboardTls(TestKeyStores.tls(key, trust));
        assertThat(RemoteSettings.dashboardTls(ConfigFactory.load())).as("TLS off: plain HTTP on loopback").isNull();

        try (DashboardFixture fixture = DashboardFixture.start(dir.resolve("data"),
                DashboardSettings.from(ConfigFactory.load()).withPort(0), List.of(), new ForwardingRunStore(), server)) {
            assertThat(fixture.loginUrl()).startsWith("https://127.0.0.1:");
            HttpClient browser = HttpClient.newBuilder().sslContext(trusting(trust))
                    .connectTimeout(Duration.ofSeconds(10)).build();
            HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(fixture.loginUrl()))
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(303);
            assertThat(login.headers().firstValue("Set-Cookie").orElseThrow()).endsWith("; HttpOnly; SameSite=Strict; Secure");
            HttpResponse<String> runs = browser.send(HttpRequest.newBuilder(URI.create(fixture.url("/api/runs")))
                    .header("Authorization", fixture.bearer()).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(runs.statusCode()).isEqualTo(200);
            assertThat(runs.body()).startsWith("{\"runs\":[]");

            String plain = fixture.url("/api/runs").replace("https://", "http://");
            assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(plain))
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString()))
                    .as("plain HTTP to the HTTPS port").isInstanceOf(IOException.class);
        }
    }

    @Test
    void shouldRefuseAnAddressOtherMachinesCanReachWithoutTls() {
        // a documentation address (RFC 5737): refused before anything is bound
        assertThatThrownBy(() -> Dashboard.start(null, null, null, "203.0.113.5",
                DashboardSettings.from(ConfigFactory.load()), dir, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--bind 203.0.113.5: the dashboard on an address other machines can reach needs HTTPS: set "
                        + "diffusim.remote.tls.enabled = on with its key-store (docs/security.md)");
    }

    /** A client context that trusts the certificates of {@code trustStore}, as a browser told of them would. */
    private static SSLContext trusting(Path trustStore) throws Exception {
        KeyStore store = KeyStore.getInstance(trustStore.toFile(), TestKeyStores.PASSWORD.toCharArray());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
