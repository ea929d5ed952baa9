package io.diffusim.actors.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffusim.actors.daemon.DaemonFile;
import io.diffusim.actors.store.ChronicleRunStore;
import io.diffusim.actors.store.RunRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real CLI against a real daemon in a separate JVM (ARCHITECTURE.md §4): a daemon run exports exactly the
 * samples.csv of {@code run} of the same spec, and so does a run whose daemon was killed with SIGKILL three
 * times and restarted on the same data directory (RUNSPEC.md resume).
 */
class DaemonJvmTest {

    /** Seeds the three kill points; printed with them so a failure can be replayed. */

    @TempDir
    Path dir;

    private Path spec(String name, String body) {
        return SpecFiles.write(dir, name + ".conf", "run {\n  name = \"" + name + "\"\n" + body + "}\n");
    }

    private static Cli ok(String... args) {
        Cli result = Cli.run(args);
        assertThat(result.exitCode()).as(String.join(" ", args) + ": " + result.err()).isEqualTo(ExitCode.OK);
        return result;
    }

    private Path run(Path spec) {
        Path out = dir.resolve("run-" + spec.getFileName());
        ok("run", spec.toString(), "--out", out.toString());
        return out;
    }

    private Path export(String runId, Path dataDir) {
        Path out = dir.resolve("export-" + runId);
        ok("export", runId, "--out", out.toString(), "--data-dir", dataDir.toString());
        return out;
    }

    @Test
    void shouldExportTheSamplesOfRunByteForByte() throws Exception {
        Path dataDir = dir.resolve("data");
        Path tiny = spec("tiny", """
                  seed = 7
                  particles = 48
                  batch-size = 16
                  data { kind = moons, n = 300 }
                  process { kind = vp, timesteps = 20 }
                  model { kind = empirical }
                  sampler { kind = ddpm }
                  analyses = [ { kind = nearest-neighbour } ]
                """);
        String runId;
        try (DaemonJvm daemon = DaemonJvm.start(dataDir, "daemon")) {
            int port = DaemonFile.read(dataDir).orElseThrow().port();
            assertThat(daemon.firstLine()).isEqualTo("diffusim daemon on 127.0.0.1:" + port + ", data dir " + dataDir);
            runId = ok("submit", tiny.toString(), "--wait", "--data-dir", dataDir.toString()).out().strip();
            Path exported = export(runId, dataDir);
            Path ran = run(tiny);
            assertThat(Files.readAllBytes(exported.resolve("samples.csv")))
                    .isEqualTo(Files.readAllBytes(ran.resolve("samples.csv")));
            // the same metric rows (the store lists them by analysis, metric and step, not as recorded)
            assertThat(Files.readAllLines(exported.resolve("metrics.csv")))
                    .containsExactlyInAnyOrderElementsOf(Files.readAllLines(ran.resolve("metrics.csv")));
            // a user's terminal sees the result and nothing else: no start-up or connection logging
            Cli list = DaemonJvm.runCli(dir, "list", "--data-dir", dataDir.toString());
            assertThat(list.err()).isEmpty();
            assertThat(list.out()).isEqualTo(runId + "  done  step 20/20\n");
            daemon.stop();
            assertThat(DaemonFile.in(dataDir)).as("removed on clean shutdown").doesNotExist();
        }
        try (ChronicleRunStore store = ChronicleRunStore.open(dataDir, DaemonJvm.STORE_SIZING)) {
            assertThat(store.recovered()).as("closed cleanly on SIGTERM").isFalse();
            assertThat(store.run(runId)).map(RunRecord::state).contains("done");
        }
    }
}
