package io.diffusim.actors.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.diffusim.actors.daemon.DaemonProcess;
import io.diffusim.actors.runtime.Daemon;
import io.diffusim.actors.runtime.DaemonSettings;
import io.diffusim.actors.store.InMemoryRunStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI over real Artery to the real daemon runtime (front door, registry, batches, replicas) in this JVM on
 * an in-memory store: a run is watched to its end, exported as {@code run} would write it, and controlled.
 */
class RuntimeCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static DaemonProcess daemon;

    @BeforeAll
    static void startDaemon() {
        CliRuntime.init();
        daemon = DaemonProcess.start(dir.resolve("data"), "127.0.0.1", 0, (dataDir, config) -> {
            InMemoryRunStore store = new InMemoryRunStore();
            return new DaemonProcess.Parts(Daemon.create(store, DaemonSettings.from(config, dataDir)), store);
        });
    }

    @AfterAll
    static void stopDaemon() {
        daemon.close();
    }

    private static Cli cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--data-dir", daemon.dataDir().toString()));
        Cli result = Cli.run(all.toArray(String[]::new));
        assertThat(result.exitCode()).as(String.join(" ", args) + ": " + result.err()).isEqualTo(ExitCode.OK);
        return result;
    }

    private static Path spec(String name, int timesteps, String analyses) {
        return SpecFiles.write(dir, name + ".conf", """
                run {
                  name = "%s"
                  seed = 11
                  particles = 24
                  batch-size = 8
                  data { kind = moons, n = 200 }
                  process { kind = vp, timesteps = %d }
                  sampler { kind = ddpm }
                  analyses = [ %s ]
                }
                """.formatted(name, timesteps, analyses));
    }

    @Test
    void shouldWatchARunToItsEndAndExportTheSamplesOfRun() throws IOException {
        Path spec = spec("watched", 12, "{ kind = noise-posterior, grid = 40, refine-grid = 41 }");
        String id = cli("submit", spec.toString()).out().strip();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : cli("watch", id, "--json").out().lines().toList()) {
            lines.add(JSON.readTree(line));
        }
        JsonNode end = lines.get(lines.size() - 1);
        assertThat(end.get("state").asText()).isEqualTo("done");
        assertThat(end.get("step").asInt()).isEqualTo(12);
        List<JsonNode> records = lines.subList(0, lines.size() - 1);
        assertThat(records).isNotEmpty().allMatch(r -> r.get("analysis").asText().equals("noise-posterior"));
        assertThat(JSON.readTree(cli("status", id, "--json").out())).isEqualTo(end);
        assertThat(JSON.readTree(cli("list", "--json").out()).findValuesAsText("id")).contains(id);

        Path exported = dir.resolve("exported");
        cli("export", id, "--out", exported.toString());
        Path ran = dir.resolve("ran");
        assertThat(Cli.run("run", spec.toString(), "--out", ran.toString()).exitCode()).isEqualTo(ExitCode.OK);
        assertThat(Files.readAllBytes(exported.resolve("samples.csv"))).isEqualTo(Files.readAllBytes(ran.resolve("samples.csv")));
        assertThat(Files.readAllLines(exported.resolve("metrics.csv"))).hasSize(records.size() + 1)
                .containsExactlyElementsOf(Files.readAllLines(ran.resolve("metrics.csv")));
    }

    @Test
    void shouldPauseResumeAndStopARunningRun() {
        String id = cli("submit", spec("controlled", 2_000, "").toString()).out().strip();
        assertThat(cli("pause", id).out()).startsWith(id + "  paused  step ");
        assertThat(cli("status", id).out()).startsWith(id + "  paused  step ");
        assertThat(cli("resume", id).out()).startsWith(id + "  running  step ");
        assertThat(cli("stop", id).out()).startsWith(id + "  stopped  step ");
        Cli watch = Cli.run("watch", id, "--data-dir", daemon.dataDir().toString());
        assertThat(watch.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(watch.errLines()).singleElement().asString().startsWith("diffusim: run " + id + " stopped at step ");
    }
}
