package io.diffusim.actors.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.diffusim.actors.daemon.DaemonFile;
import io.diffusim.actors.protocol.FrontDoorCommand.RunStatus;
import io.diffusim.analysis.run.LocalRun;
import io.diffusim.analysis.run.RunProgress;
import io.diffusim.config.SpecLoader;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.Kill;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pages that go away mid-stream (raw sockets reset after the first bytes, as a closed browser tab or a dropped
 * network leaves them) never reach the run they watch: it ends as {@code bin/diffusim run} of the same spec, and the
 * daemon answers throughout. And a daemon whose front door or HTTP server stops shuts down, saying which, and
 * removes daemon.json.
 */
class DashboardChurnTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Long enough for 30 disconnects mid-run on a busy 2-core machine; a record every step keeps the feeds busy. */
    private static final String SPEC = DashboardFixture.moons("churned", 512, 300,
            "{ kind = nearest-neighbour }, { kind = denoiser-agreement, model { kind = wiener } }", 20);

    @TempDir
    Path dir;

    @Test
    void abruptDisconnectsOneAfterAnotherAndTwentyAtOnceLeaveTheRunAndTheDaemonUntouched() throws Exception {
        try (DashboardFixture fixture = DashboardFixture.start(dir.resolve("data"))) {
            String id = fixture.submit(SPEC);
            fixture.await(id, s -> s.step() >= 2);
            int port = fixture.dashboard.port();
            for (int i = 0; i < 10; i++) {
                resetMidStream(port, fixture.bearer(), id);
                RunStatus status = fixture.status(id);
                // the first disconnects land mid-run; the run may end while the later ones go on
                assertThat(status.state()).as("after disconnect " + (i + 1)).isIn(i < 3 ? List.of("running")
                        : List.of("running", "done"));
                assertThat(health(fixture).get("status").asText()).isEqualTo("up");
            }
            ExecutorService pages = Executors.newFixedThreadPool(20);
            try {
                List<Future<?>> all = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    all.add(pages.submit(() -> {
                        resetMidStream(port, fixture.bearer(), id);
                        return null;
                    }));
                }
                for (Future<?> page : all) {
                    page.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pages.shutdownNow();
            }
            RunStatus afterAll = fixture.status(id);
            assertThat(afterAll.state()).isIn("running", "done");
            assertThat(fixture.await(id, RunStatus::ended).state()).isEqualTo("done");

            Path daemonRun = fixture.daemon.dataDir().resolve("runs").resolve(id);
            Path local = dir.resolve("local");
            new LocalRun(SpecLoader.parse(SPEC, null), local, RunProgress.NONE).run();
            assertThat(Files.readAllBytes(daemonRun.resolve("samples.csv"))).isEqualTo(Files.readAllBytes(local.resolve("samples.csv")));
            assertThat(Files.readAllBytes(daemonRun.resolve("metrics.csv"))).isEqualTo(Files.readAllBytes(local.resolve("metrics.csv")));

            JsonNode health = health(fixture);
            assertThat(health.get("status").asText()).isEqualTo("up");
            assertThat(health.get("runs").get("done").asInt()).isEqualTo(1);
            assertThat(health.get("uptimeSeconds").asLong()).isNotNegative();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/user/front-door, the daemon's front-door stopped", "/user, the daemon's guardian stopped"})
    void aDaemonWhoseEssentialPartIsKilledShutsDownNamingItAndRemovesDaemonJson(String path, String message)
            throws Exception {
        DashboardFixture fixture = DashboardFixture.start(dir.resolve("data"));
        try {
            assertThat(DaemonFile.in(fixture.daemon.dataDir())).exists();
            fixture.daemon.system().classicSystem().actorSelection(path).resolveOne(Duration.ofSeconds(10))
                    .toCompletableFuture().join().tell(Kill.getInstance(), org.apache.pekko.actor.ActorRef.noSender());
            assertThat(fixture.daemon.awaitTermination()).hasValueSatisfying(why -> assertThat(why).startsWith(message));
            assertThat(DaemonFile.in(fixture.daemon.dataDir())).doesNotExist();
        } finally {
            fixture.close();
        }
    }

    @Test
    void aDaemonWhoseHttpServerStopsShutsDownNamingIt() throws Exception {
        DashboardFixture fixture = DashboardFixture.start(dir.resolve("data"));
        try {
            fixture.dashboard.binding().terminate(Duration.ofSeconds(1)).toCompletableFuture().get(30, TimeUnit.SECONDS);
            assertThat(fixture.daemon.awaitTermination()).hasValueSatisfying(message -> assertThat(message)
                    .startsWith("the daemon's dashboard HTTP server on 127.0.0.1:" + fixture.dashboard.port() + " stopped"));
            assertThat(DaemonFile.in(fixture.daemon.dataDir())).doesNotExist();
        } finally {
            fixture.close();
        }
    }

    /** Opens the run's live feed on a raw socket, reads its first bytes, then resets the connection (no FIN). */
    private static void resetMidStream(int port, String bearer, String id) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("GET /api/runs/" + id + "/events HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: " + bearer + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            StringBuilder seen = new StringBuilder();
            while (!seen.toString().contains("event: init") && !seen.toString().contains("event:init")) {
                int b = in.read();
                assertThat(b).as("the feed sent its init event").isNotNegative();
                seen.append((char) b);
            }
            socket.setSoLinger(true, 0);
        }
    }

    private static JsonNode health(DashboardFixture fixture) throws IOException {
        HttpResponse<String> response = fixture.get("/api/health");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
