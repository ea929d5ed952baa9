package io.diffusim.actors.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import io.diffusim.actors.protocol.FrontDoorCommand.Action;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard's HTTP surface without a browser, against a real in-process daemon. */
class DashboardHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Records a value at every step (most analyses record only at the end). */
    /** Small, so that a short run's series is decimated. */
    private static final int MAX_POINTS = 40;
    static final String NOISE_POSTERIOR = "{ kind = noise-posterior, grid = 40, refine-grid = 41 }";

    @TempDir
    static Path dir;

    private static DashboardFixture fixture;

    @BeforeAll
    static void start() {
        DashboardSettings settings = DashboardSettings.from(ConfigFactory.load());
        fixture = DashboardFixture.start(dir.resolve("data"), new DashboardSettings(0, MAX_POINTS,
                settings.snapshotParticles(), settings.snapshotValues(), settings.askTimeout(), settings.clientBuffer()));
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void shouldServeOnlyTheAssetsWithoutTheTokenAndLetTheLoginLinkIn() throws IOException {
        for (String path : List.of("/", "/api/runs", "/api/health", "/runs/any")) {
            HttpResponse<String> refused = fixture.send("GET", path);
            assertThat(refused.statusCode()).as(path).isEqualTo(401);
            assertThat(JSON.readTree(refused.body()).get("error").asText()).startsWith("the dashboard needs its token");
        }
        assertThat(fixture.send("GET", "/api/runs", "Authorization", "Bearer wrong").statusCode()).isEqualTo(401);
        assertThat(fixture.send("GET", "/assets/run.js").statusCode()).isEqualTo(200);
        assertThat(fixture.send("GET", "/login?token=wrong").statusCode()).isEqualTo(401);

        String token = fixture.bearer().substring("Bearer ".length());
        HttpResponse<String> login = fixture.send("GET", "/login?token=" + token);
        assertThat(login.statusCode()).isEqualTo(303);
        assertThat(login.headers().firstValue("Location")).hasValue("/");
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).isEqualTo(DashboardAccess.COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Strict");
        assertThat(fixture.send("GET", "/api/runs", "Cookie", cookie.substring(0, cookie.indexOf(';'))).statusCode())
                .isEqualTo(200);
    }

    @Test
    void shouldRefuseAControlPostFromAnotherSitesPage() throws IOException {
        String id = fixture.submit(DashboardFixture.moons("cross-site", 24, 5_000, "", 50));
        fixture.await(id, s -> s.state().equals("running"));
        HttpResponse<String> forged = fixture.send("POST", "/api/runs/" + id + "/stop", "Authorization",
                fixture.bearer(), "Origin", "http://evil.example", "Content-Type", "text/plain");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(forged.body()).get("error").asText())
                .isEqualTo("a control request from another site's page (Origin http://evil.example) is refused");
        assertThat(fixture.status(id).state()).isEqualTo("running");
        String own = fixture.url("/").replaceAll("/$", "");
        assertThat(fixture.send("POST", "/api/runs/" + id + "/stop", "Authorization", fixture.bearer(), "Origin", own)
                .statusCode()).as("the dashboard's own page").isEqualTo(200);
    }

    @Test
    void shouldNameEveryRunIdOnTheRunList() throws IOException {
        String first = fixture.submit(DashboardFixture.moons("listed-a", 24, 10, "", 5));
        String second = fixture.submit(DashboardFixture.moons("listed-b", 24, 10, "", 5));
        HttpResponse<String> page = fixture.get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("href=\"/runs/" + first + "\"", "href=\"/runs/" + second + "\"");
        JsonNode runs = JSON.readTree(fixture.get("/api/runs").body()).get("runs");
        assertThat(runs.findValuesAsText("id")).contains(first, second);
    }

    @Test
    void shouldGiveAFailedRunsReasonOnTheRunListAndInTheApi() throws IOException {
        String id = fixture.submit("""
                run {
                  name = "diverging"
                  particles = 20
                  batch-size = 10
                  data { kind = moons, n = 100 }
                  process { kind = ve }
                  model { kind = empirical }
                  sampler { kind = langevin, epsilon = 1e200, levels = 2, steps-per-level = 3 }
                }
                """);
        String reason = fixture.await(id, s -> s.ended()).error();
        assertThat(reason).startsWith("the run diverged at step ");
        assertThat(fixture.get("/").body()).contains("<td class=\"reason\">" + DashboardPages.escape(reason) + "</td>");
        JsonNode runs = JSON.readTree(fixture.get("/api/runs").body()).get("runs");
        assertThat(runs.findValuesAsText("error")).contains(reason);
        assertThat(runs.findValuesAsText("reason")).contains(reason);
        HttpResponse<String> pause = fixture.post("/api/runs/" + id + "/pause");
        assertThat(pause.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(pause.body()).get("error").asText()).isEqualTo("run " + id + " is failed: nothing to pause");
    }

    @Test
    void shouldServeADoneRunsSamplesPngAndItsOutputDirectoryAsAZip() throws IOException {
        String id = fixture.submit(DashboardFixture.moons("zipped", 24, 10, "{ kind = nearest-neighbour }", 5));
        assertThat(fixture.await(id, s -> s.ended()).state()).isEqualTo("done");
        HttpResponse<byte[]> png = fixture.getBytes("/api/runs/" + id + "/plots/samples.png");
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(Arrays.copyOf(png.body(), 4)).containsExactly(0x89, 'P', 'N', 'G');
        assertThat(fixture.get("/runs/" + id).body()).contains("src=\"/api/runs/" + id + "/plots/samples.png\"");

        HttpResponse<byte[]> zip = fixture.getBytes("/api/runs/" + id + "/output.zip");
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.headers().firstValue("Content-Disposition")).hasValueSatisfying(value ->
                assertThat(value).contains("attachment").contains(id + ".zip"));
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        Path output = dir.resolve("data").resolve("runs").resolve(id);
        assertThat(entries).containsKeys(id + "/samples.csv", id + "/metrics.csv", id + "/manifest.json",
                id + "/plots/samples.png");
        assertThat(entries.get(id + "/samples.csv")).isEqualTo(Files.readAllBytes(output.resolve("samples.csv")));
        assertThat(entries.get(id + "/plots/samples.png")).isEqualTo(png.body());

        assertThat(fixture.getBytes("/api/runs/" + id + "/plots/nothing.png").statusCode()).isEqualTo(404);
        HttpResponse<String> badName = fixture.get("/api/runs/" + id + "/plots/samples.csv");
        assertThat(badName.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badName.body()).get("error").asText()).startsWith("bad plot name 'samples.csv'");
        assertThat(fixture.get("/api/runs/no-such-run/output.zip").statusCode()).isEqualTo(404);
    }

    @Test
    void shouldRefuseTheOutputOfARunThatIsNotDoneSayingWhy() throws IOException {
        String id = fixture.submit(DashboardFixture.moons("unfinished", 24, 5_000, "", 50));
        fixture.await(id, s -> s.state().equals("running"));
        HttpResponse<String> zip = fixture.get("/api/runs/" + id + "/output.zip");
        assertThat(zip.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(zip.body()).get("error").asText())
                .isEqualTo("run " + id + " is running: its output is written when it is done");
        assertThat(fixture.get("/runs/" + id).body()).contains("<div id=\"output\" hidden>");
        fixture.control(id, Action.STOP);
    }

    @Test
    void shouldServeTheRunPageWithItsResolvedSpecAndTheChartLibraryFromTheClasspath() {
        String id = fixture.submit(DashboardFixture.moons("paged", 24, 10, "", 5));
        HttpResponse<String> page = fixture.get("/runs/" + id);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-run-id=\"" + id + "\"", "timesteps", "<script src=\"/webjars/chart.js/");
        String chartJs = page.body().replaceAll("(?s).*<script src=\"(/webjars/[^\"]+)\".*", "$1");
        HttpResponse<String> library = fixture.get(chartJs);
        assertThat(library.statusCode()).isEqualTo(200);
        assertThat(library.body()).contains("Chart");
        assertThat(fixture.get("/assets/run.js").body()).contains("decimated: showing");
    }

    @Test
    void shouldAnswer404ForAnUnknownRunAnd400ForAMalformedId() throws IOException {
        for (HttpResponse<String> response : List.of(fixture.get("/runs/no-such-run"), fixture.get("/api/runs/no-such-run"),
                fixture.get("/api/runs/no-such-run/snapshot"), fixture.get("/api/runs/no-such-run/events"),
                fixture.post("/api/runs/no-such-run/pause"))) {
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(JSON.readTree(response.body()).get("error").asText()).isEqualTo("unknown run no-such-run");
        }
        HttpResponse<String> malformed = fixture.get("/runs/%3Cscript%3E");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(malformed.body()).get("error").asText()).startsWith("bad run id '<script>': expected");
    }

    @Test
    void shouldChangeTheRunsStateOnAControlPostAndRejectAnUnknownAction() throws IOException {
        String id = fixture.submit(DashboardFixture.moons("controlled", 24, 5_000, "", 50));
        fixture.await(id, s -> s.state().equals("running"));

        HttpResponse<String> paused = fixture.post("/api/runs/" + id + "/pause");
        assertThat(paused.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(paused.body()).get("state").asText()).isEqualTo("paused");
        assertThat(fixture.status(id).state()).isEqualTo("paused");

        HttpResponse<String> unknown = fixture.post("/api/runs/" + id + "/explode");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(unknown.body()).get("error").asText())
                .isEqualTo("unknown action 'explode': expected pause, resume or stop");
        assertThat(fixture.status(id).state()).isEqualTo("paused");

        assertThat(JSON.readTree(fixture.post("/api/runs/" + id + "/resume").body()).get("state").asText()).isEqualTo("running");
        assertThat(JSON.readTree(fixture.post("/api/runs/" + id + "/stop").body()).get("state").asText()).isEqualTo("stopping");
        fixture.await(id, s -> s.state().equals("stopped"));
        assertThat(fixture.control(id, Action.RESUME).state()).as("a stopped run stays stopped").isEqualTo("stopped");
    }

    @Test
    void shouldDecimateALongSeriesOnTheServerAndSaySo() throws IOException {
        String id = fixture.submit(DashboardFixture.moons("long", 16, 120, NOISE_POSTERIOR, 40));
        fixture.await(id, s -> s.state().equals("done"));
        List<SseReader.Event> events = SseReader.readUntil(fixture.http(), fixture.url("/api/runs/" + id + "/events"), fixture.bearer(),
                got -> !got.isEmpty());
        assertThat(events.get(0).type()).isEqualTo("init");
        JsonNode init = JSON.readTree(events.get(0).data());
        assertThat(init.get("status").get("state").asText()).isEqualTo("done");
        JsonNode series = init.get("series");
        assertThat(series).isNotEmpty();
        boolean decimatedOne = false;
        for (JsonNode s : series) {
            int total = s.get("total").asInt();
            int shown = s.get("shown").asInt();
            assertThat(s.get("replace")).hasSize(shown);
            assertThat(shown).isLessThanOrEqualTo(MAX_POINTS);
            if (total > MAX_POINTS) {
                decimatedOne = true;
                assertThat(shown).isLessThan(total);
            }
        }
        assertThat(decimatedOne).as("a series of more than %d points: %s", MAX_POINTS, series.findValuesAsText("name")).isTrue();
    }

    @Test
    void shouldServeAParticleSnapshotOfA2dRun() throws IOException {
        String id = fixture.submit(DashboardFixture.moons("snap", 48, 40, "", 10));
        fixture.await(id, s -> s.state().equals("done"));
        JsonNode snapshot = JSON.readTree(fixture.get("/api/runs/" + id + "/snapshot").body());
        assertThat(snapshot.get("dimension").asInt()).isEqualTo(2);
        assertThat(snapshot.get("particles").asInt()).isEqualTo(48);
        assertThat(snapshot.get("points")).hasSize(96);
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < 96; i += 2) {
            minX = Math.min(minX, snapshot.get("points").get(i).asDouble());
            maxX = Math.max(maxX, snapshot.get("points").get(i).asDouble());
        }
        assertThat(minX).as("the moons reach left of 0 and right of 1").isNegative();
        assertThat(maxX).isGreaterThan(1);
        assertThat(snapshot.get("status").get("id").asText()).isEqualTo(id);
    }
}
