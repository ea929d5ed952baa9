package io.diffusim.actors.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffusim.actors.client.DaemonClient;
import io.diffusim.actors.client.DaemonLocation;
import io.diffusim.actors.protocol.FrontDoorCommand.RunStatus;
import io.diffusim.actors.testing.Fuzz;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fuzz suite, wires (docs/security.md): a daemon with its dashboard gets garbage and half-formed frames on its
 * remoting port, requests with wrong tokens through the remote gate, and malformed HTTP on the dashboard's port, all
 * drawn from the suite's seed. Every wrong token is refused, no HTTP answer is a 5xx or an answer without the token
 * (only the static assets are public; 501 and 505 only for an unknown method or HTTP version), the daemon answers throughout, and a run before and one after give
 * byte-identical samples.
 */
class WireFuzzTest {

    private static final int REMOTING_CASES = 150;
    private static final int TOKEN_CASES = 20;
    private static final int HTTP_CASES = 250;
    private static final String SPEC = """
            run {
              name = "wire-fuzz"
              seed = 4
              particles = 40
              batch-size = 20
              data { kind = moons, n = 100 }
              process { kind = vp, timesteps = 30 }
              model { kind = empirical }
              sampler { kind = ddpm }
              analyses = []
            }
            """;
    private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "TRACE", "CONNECT",
        "G\u0000T", "", "GET GET"};
    private static final String[] PATHS = {"/", "/api/runs", "/api/runs/x", "/api/runs/x/stop", "/api/health",
        "/login?token=", "/login?token=%00", "/../../etc/passwd", "/api/runs/%2e%2e/stop", "*", "/" + "a".repeat(9000),
        "/api/runs?x=" + "%".repeat(50), "/static/../api/runs"};

    @TempDir
    Path dir;

    private final Random random = new Random(Fuzz.SEED);
    private final Fuzz fuzz = new Fuzz();

    @Test
    void shouldRefuseOrIgnoreEveryMalformedInputAndKeepRunsByteIdentical() throws Exception {
        try (DashboardFixture fixture = DashboardFixture.start(dir.resolve("data"))) {
            byte[] before = samplesOfARun(fixture);
            DaemonLocation owner = DaemonLocation.find(fixture.daemon.dataDir(), null);
            remotingNoise(fixture.daemon.port());
            wrongTokens(owner);
            httpNoise(URI.create(fixture.url("/")).getPort());
            try (DaemonClient client = DaemonClient.connect(owner)) {
                assertThat(client.list()).extracting(RunStatus::state).containsOnly("done");
            }
            assertThat(samplesOfARun(fixture)).as("a run after the fuzz").isEqualTo(before);
        }
        fuzz.print("wire fuzz (seed " + Fuzz.SEED + ")");
        assertThat(fuzz.total()).isEqualTo(REMOTING_CASES + TOKEN_CASES + HTTP_CASES);
    }

    private static byte[] samplesOfARun(DashboardFixture fixture) throws IOException {
        String id = fixture.submit(SPEC);
        assertThat(fixture.await(id, RunStatus::ended).state()).isEqualTo("done");
        return Files.readAllBytes(fixture.daemon.runsDirectory().resolve(id).resolve("samples.csv"));
    }

    /** Random bytes, some after Artery's own magic so they reach its frame decoder. */
    private void remotingNoise(int port) throws IOException {
        for (int i = 0; i < REMOTING_CASES; i++) {
            boolean framed = random.nextBoolean();
            byte[] noise = Fuzz.noise(4096, random);
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setSoTimeout(2_000);
                OutputStream out = socket.getOutputStream();
                if (framed) {
                    out.write(new byte[] {'A', 'K', 'K', 'A', 0, 0, 0, 0}); // Artery's TCP connection header
                }
                out.write(noise);
                out.flush();
                fuzz.count("remoting", framed ? "framed noise sent" : "noise sent");
            } catch (IOException closed) {
                fuzz.count("remoting", "connection closed by the daemon");
            }
        }
    }

    private void wrongTokens(DaemonLocation owner) {
        String[] tokens = {null, "", "x", owner.token() + "x", owner.token().substring(1), "\u0000".repeat(40),
            "a".repeat(10_000)};
        for (int i = 0; i < TOKEN_CASES; i++) {
            String token = tokens[random.nextInt(tokens.length)];
            DaemonLocation stranger = new DaemonLocation(owner.host(), owner.port(), owner.options(), owner.noDaemon(),
                    owner.daemon(), token);
            try (DaemonClient client = DaemonClient.connect(stranger)) {
                client.list();
                fuzz.count("token", "answered");
            } catch (IllegalArgumentException refused) {
                assertThat(refused).hasMessageContaining("refused");
                fuzz.count("token", "refused");
            }
        }
        assertThat(fuzz.total()).as("no wrong token was answered").isEqualTo(REMOTING_CASES + TOKEN_CASES);
    }

    private void httpNoise(int port) throws IOException {
        for (int i = 0; i < HTTP_CASES; i++) {
            String request = request();
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setSoTimeout(5_000);
                socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
                socket.getOutputStream().flush();
                String status = statusLine(socket.getInputStream());
                int code = status.length() >= 12 ? Integer.parseInt(status.substring(9, 12)) : -1;
                // 501 (an unknown method) and 505 (HTTP/9.9) are protocol answers; any other 5xx is a fault
                assertThat(code == 501 || code == 505 || code / 100 != 5).as(request + " answered " + status).isTrue();
                if (code == 200) {
                    assertThat(request).as("answered without the token").doesNotContain("/api/")
                            .doesNotContain("/login");
                }
                fuzz.count("http", code < 0 ? "closed without an answer" : code >= 500 ? Integer.toString(code)
                        : (code / 100) + "xx");
            } catch (IOException closed) {
                fuzz.count("http", "connection closed");
            }
        }
    }

    private String request() {
        StringBuilder request = new StringBuilder();
        request.append(METHODS[random.nextInt(METHODS.length)]).append(' ').append(PATHS[random.nextInt(PATHS.length)])
                .append(random.nextInt(5) == 0 ? " HTTP/9.9" : " HTTP/1.1").append("\r\nHost: 127.0.0.1\r\n");
        switch (random.nextInt(6)) {
            case 0 -> request.append("Content-Length: -5\r\n");
            case 1 -> request.append("Cookie: diffusim-token=").append("b".repeat(random.nextInt(20_000))).append("\r\n");
            case 2 -> request.append("Authorization: Bearer wrong\r\nOrigin: http://evil.example\r\n");
            case 3 -> request.append("X-").append("h".repeat(random.nextInt(40_000))).append(": 1\r\n");
            case 4 -> request.append(new String(Fuzz.noise(200, random), StandardCharsets.ISO_8859_1));
            default -> request.append("Transfer-Encoding: chunked\r\n\r\nzz\r\n");
        }
        return request.append("Connection: close\r\n\r\n").toString();
    }

    private static String statusLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b >= 0 && b != '\n' && line.length() < 200; b = in.read()) {
            line.append((char) b);
        }
        return line.toString();
    }
}
