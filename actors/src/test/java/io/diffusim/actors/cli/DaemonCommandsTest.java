package io.diffusim.actors.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.diffusim.actors.daemon.DaemonProcess;
import io.diffusim.actors.daemon.FakeFrontDoor;
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
 * submit, list, status, pause, resume, stop, watch and export (docs/user-guide.md) through the real CLI and real Artery
 * to a daemon actor system in this JVM whose front door is a stand-in ({@link FakeFrontDoor}: 5 steps, one per
 * question asked about a run).
 */
class DaemonCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static DaemonProcess daemon;
    private static Path spec;

    @BeforeAll
    static void startDaemon() {
        daemon = DaemonProcess.start(dir.resolve("data"), "127.0.0.1", 0,
                (dataDir, config) -> new DaemonProcess.Parts(FakeFrontDoor.guardian(), () -> { }));
        spec = SpecFiles.write(dir, "tiny.conf", """
                run {
                  name = "tiny"
                  particles = 8
                  data { kind = moons, n = 50 }
                  process { kind = vp, timesteps = 3 }
                  analyses = []
                }
                """);
    }

    @AfterAll
    static void stopDaemon() {
        daemon.close();
    }

    private static Cli cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--data-dir", daemon.dataDir().toString()));
        return Cli.run(all.toArray(String[]::new));
    }

    private static Cli ok(String... args) {
        Cli result = cli(args);
        assertThat(result.exitCode()).as(String.join(" ", args) + ": " + result.err()).isEqualTo(ExitCode.OK);
        assertThat(result.err()).isEmpty();
        return result;
    }

    private static String submit() {
        String out = ok("submit", spec.toString()).out();
        assertThat(out).as("the run id alone").matches("tiny-\\d+\\R");
        return out.strip();
    }

    @Test
    void shouldPrintTheRunIdAloneAndShowTheRunInListAndStatus() throws IOException {
        String id = submit();
        JsonNode list = JSON.readTree(ok("list", "--json").out());
        assertThat(list.isArray()).isTrue();
        assertThat(list.findValuesAsText("id")).contains(id);
        JsonNode status = JSON.readTree(ok("status", id, "--json").out());
        assertThat(status.fieldNames()).toIterable().containsExactly("id", "state", "step", "steps", "error", "reason",
                "stepsPerSecond", "secondsLeft");
        assertThat(status.get("id").asText()).isEqualTo(id);
        assertThat(status.get("steps").asInt()).isEqualTo(FakeFrontDoor.STEPS);
        assertThat(status.get("error").isNull()).isTrue();
        assertThat(ok("status", id).out()).startsWith(id + "  running  step ");
        assertThat(ok("list").out()).contains(id + "  running  step ");
    }

    @Test
    void shouldPauseResumeAndStopARun() {
        String id = submit();
        assertThat(ok("pause", id).out()).startsWith(id + "  paused  step 0/5");
        assertThat(ok("status", id).out()).as("a paused run does not advance").startsWith(id + "  paused  step 0/5");
        assertThat(ok("resume", id).out()).startsWith(id + "  running  step 0/5");
        assertThat(ok("stop", id).out()).startsWith(id + "  stopped");
        Cli pauseStopped = cli("pause", id);
        assertThat(pauseStopped.exitCode()).as("nothing happened, and a script can tell").isEqualTo(ExitCode.FAILURE);
        assertThat(pauseStopped.errLines()).containsExactly("diffusim: run " + id + " is stopped: nothing to pause");
        assertThat(pauseStopped.out()).isEmpty();
        Cli watch = cli("watch", id, "--json");
        assertThat(watch.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(watch.errLines()).containsExactly("diffusim: run " + id + " stopped at step 0/5");
    }

    @Test
    void shouldStreamEveryMetricRecordAndThenTheFinalStatusAsJsonLines() throws IOException {
        String id = submit();
        List<String> lines = ok("watch", id, "--json").out().lines().toList();
        assertThat(lines).hasSize(FakeFrontDoor.STEPS + 1);
        for (int step = 1; step <= FakeFrontDoor.STEPS; step++) {
            JsonNode record = JSON.readTree(lines.get(step - 1));
            assertThat(record.fieldNames()).toIterable().containsExactly("analysis", "metric", "step", "t", "value");
            assertThat(record.get("step").asLong()).isEqualTo(step);
            assertThat(record.get("value").asDouble()).isEqualTo(step * step);
        }
        JsonNode end = JSON.readTree(lines.get(FakeFrontDoor.STEPS));
        assertThat(end.get("state").asText()).isEqualTo("done");
        assertThat(end.get("step").asInt()).isEqualTo(FakeFrontDoor.STEPS);
    }

    @Test
    void shouldShowProgressAndTheLatestMetricsWhenNotJson() {
        String id = submit();
        String out = ok("watch", id).out();
        assertThat(out.lines().filter(line -> line.contains("  done  "))).as("the final progress line, once")
                .containsExactly(id + "  done  step 5/5  [" + "#".repeat(30) + "]");
        assertThat(out.lines().filter(line -> line.contains("fake.step-squared")))
                .singleElement().asString().contains("step      5").endsWith("25.0000");
    }

    @Test
    void shouldWaitForTheRunWhenAsked() {
        Cli result = ok("submit", spec.toString(), "--wait");
        assertThat(result.out()).matches("tiny-\\d+\\R");
        assertThat(ok("status", result.out().strip()).out()).contains("  done  step 5/5");
    }

    @Test
    void shouldExportTheOutputDirectoryOfAFinishedRun() throws IOException {
        String id = ok("submit", spec.toString(), "--wait").out().strip();
        Path out = dir.resolve("export-" + id);
        assertThat(ok("export", id, "--out", out.toString()).out().strip()).isEqualTo(out.toString());
        assertThat(Files.readString(out.resolve("samples.csv"))).isEqualTo(FakeFrontDoor.SAMPLES);
    }

    @Test
    void shouldRefuseToExportARunThatIsStillRunning() {
        String id = submit();
        BadInputTest.assertBadInput(cli("export", id, "--out", dir.resolve("early").toString()), id, "queued");
    }

    @Test
    void shouldNameAnUnknownRunInOneLine() {
        for (String command : List.of("status", "pause", "resume", "stop", "watch")) {
            BadInputTest.assertBadInput(cli(command, "no-such-run"), "unknown run no-such-run", "bin/diffusim list");
        }
        BadInputTest.assertBadInput(cli("export", "no-such-run", "--out", dir.resolve("x").toString()),
                "unknown run no-such-run");
    }

    @Test
    void shouldPrintEveryReasonTheDaemonGaveForRejectingASpec() {
        Path rejected = SpecFiles.write(dir, "rejected.conf", """
                run {
                  name = "reject-me"
                  data { kind = moons, n = 50 }
                  analyses = []
                }
                """);
        Cli result = cli("submit", rejected.toString());
        assertThat(result.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(result.errLines()).containsExactly("diffusim: first reason", "diffusim: second reason");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void shouldReportEverySpecErrorBeforeContactingTheDaemon() {
        Path invalid = SpecFiles.write(dir, "invalid.conf", """
                run {
                  particles = -1
                  data { kind = moons }
                  sampler { kind = ddim, eta = NaN }
                }
                """);
        Cli result = Cli.run("submit", invalid.toString(), "--data-dir", dir.resolve("no-daemon-here").toString());
        assertThat(result.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(result.errLines()).hasSize(2).anyMatch(l -> l.contains("run.particles"))
                .anyMatch(l -> l.contains("run.sampler.eta"));
    }
}
