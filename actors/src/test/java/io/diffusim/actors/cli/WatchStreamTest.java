package io.diffusim.actors.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.diffusim.actors.daemon.DaemonFile;
import io.diffusim.actors.daemon.DaemonMain;
import io.diffusim.actors.daemon.DaemonProcess;
import io.diffusim.actors.stream.MetricSubscription;
import io.diffusim.actors.stream.StreamAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code watch --json} against the daemon as {@code bin/diffusim daemon} assembles it (store, embedded media driver,
 * metric stream advertised in daemon.json): a running run is followed on the stream, a finished one is read back;
 * both print one well-formed JSON line per stored record, then the final status.
 */
class WatchStreamTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static DaemonProcess daemon;

    @BeforeAll
    static void startDaemon() {
        CliRuntime.init();
        daemon = DaemonProcess.start(dir.resolve("data"), "127.0.0.1", 0, DaemonMain::parts);
    }

    @AfterAll
    static void stopDaemon() {
        StreamAddress stream = DaemonFile.read(daemon.dataDir()).orElseThrow().stream();
        daemon.close();
        assertThat(Path.of(stream.aeronDirectory())).as("the embedded driver's directory is deleted").doesNotExist();
    }

    private static Cli cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--data-dir", daemon.dataDir().toString()));
        Cli result = Cli.run(all.toArray(String[]::new));
        assertThat(result.exitCode()).as(String.join(" ", args) + ": " + result.err()).isEqualTo(ExitCode.OK);
        return result;
    }

    private static String submit(String name, int timesteps) {
        Path spec = SpecFiles.write(dir, name + ".conf", """
                run {
                  name = "%s"
                  seed = 11
                  particles = 48
                  batch-size = 16
                  data { kind = moons, n = 300 }
                  process { kind = vp, timesteps = %d }
                  sampler { kind = ddpm }
                  analyses = [ { kind = noise-posterior, grid = 40, refine-grid = 41 } ]
                }
                """.formatted(name, timesteps));
        return cli("submit", spec.toString()).out().strip();
    }

    private static List<JsonNode> jsonLines(String out) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.lines().toList()) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    /** The records and final status {@code watch --json} printed, checked against the stored series. */
    private static void assertWatchedAsStored(String id, List<JsonNode> lines) throws Exception {
        JsonNode end = lines.get(lines.size() - 1);
        assertThat(end.get("id").asText()).isEqualTo(id);
        assertThat(end.get("state").asText()).isEqualTo("done");
        List<JsonNode> records = lines.subList(0, lines.size() - 1);
        assertThat(records).allMatch(r -> r.size() == 5 && r.has("analysis") && r.has("metric") && r.has("step")
                && r.has("t") && r.has("value"));
        // a second, polled read of the finished run is the stored series
        List<JsonNode> stored = jsonLines(cli("watch", id, "--json", "--daemon",
                daemon.host() + ":" + daemon.port()).out());
        assertThat(records).isEqualTo(stored.subList(0, stored.size() - 1));
        assertThat(end).isEqualTo(JSON.readTree(cli("status", id, "--json").out()));
    }

    @Test
    void shouldAdvertiseAStreamThisMachineCanReach() {
        StreamAddress stream = DaemonFile.read(daemon.dataDir()).orElseThrow().stream();
        assertThat(stream.channel()).isEqualTo("aeron:ipc");
        assertThat(Files.isDirectory(Path.of(stream.aeronDirectory()))).isTrue();
        assertThat(MetricSubscription.reachable(stream)).isTrue();
    }

    @Test
    void shouldFollowARunningRunOnTheStreamToItsEnd() throws Exception {
        String id = submit("streamed", 150);
        List<JsonNode> lines = jsonLines(cli("watch", id, "--json").out());
        assertThat(lines).hasSizeGreaterThan(150);
        assertWatchedAsStored(id, lines);
    }

    @Test
    void shouldPrintTheStoredSeriesOfAFinishedRunAndExit() throws Exception {
        String id = submit("finished", 20);
        cli("watch", id);
        List<JsonNode> lines = jsonLines(cli("watch", id, "--json").out());
        assertThat(lines).hasSizeGreaterThan(20);
        assertWatchedAsStored(id, lines);
    }
}
