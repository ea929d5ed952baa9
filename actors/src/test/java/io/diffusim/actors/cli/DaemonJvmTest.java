package io.diffusim.actors.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffusim.actors.client.DaemonClient;
import io.diffusim.actors.client.DaemonLocation;
import io.diffusim.actors.daemon.DaemonFile;
import io.diffusim.actors.protocol.FrontDoorCommand.RunStatus;
import io.diffusim.actors.protocol.FrontDoorCommand.Submitted;
import io.diffusim.actors.store.ChronicleRunStore;
import io.diffusim.actors.store.RunRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real CLI against a real daemon in a separate JVM (docs/architecture.md §4): a daemon run exports exactly the
 * samples.csv of {@code run} of the same spec, and so does a run whose daemon was killed with SIGKILL three
 * times and restarted on the same data directory (docs/user-guide.md resume).
 */
class DaemonJvmTest {

    /**
     * Seeds the three kill points: new on every run unless {@code -Ddiffusim.kill-seed} replays one; printed with
     * the points so a failure can be replayed.
     */
    private static final long KILL_SEED = Long.getLong("diffusim.kill-seed", System.nanoTime());
    private static final int KILLS = 3;

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
            assertThat(Files.readAllBytes(exported.resolve("metrics.csv")))
                    .isEqualTo(Files.readAllBytes(ran.resolve("metrics.csv")));
            // a user's terminal sees the result and nothing else: no start-up or connection logging
            Cli list = DaemonJvm.runCli(dir, "list", "--data-dir", dataDir.toString());
            // the one line is the JDK's own, for the Vector API of the closed-form kernels; it cannot be switched off
            assertThat(list.err()).isIn("", "WARNING: Using incubator modules: jdk.incubator.vector\n");
            assertThat(list.out()).isEqualTo(runId + "  done  step 20/20\n");
            daemon.stop();
            assertThat(DaemonFile.in(dataDir)).as("removed on clean shutdown").doesNotExist();
        }
        try (ChronicleRunStore store = ChronicleRunStore.open(dataDir, DaemonJvm.STORE_SIZING)) {
            assertThat(store.recovered()).as("closed cleanly on SIGTERM").isFalse();
            assertThat(store.run(runId)).map(RunRecord::state).contains("done");
        }
    }

    @Test
    void shouldResumeARunKilledThreeTimesToTheSamplesOfAnUninterruptedRun() throws Exception {
        Path dataDir = dir.resolve("data");
        int steps = 200;
        Path killed = spec("killed", """
                  seed = 3
                  particles = 240
                  batch-size = 80
                  data { kind = moons, n = 2000 }
                  process { kind = vp, timesteps = %d }
                  model { kind = empirical }
                  sampler { kind = ddpm }
                  analyses = [ { kind = nearest-neighbour } ]
                  record-every = 7
                  checkpoint-every = 10
                """.formatted(steps));
        // heavy enough steps (240 particles against 2,000 training points) that a kill lands while the run goes
        Random random = new Random(KILL_SEED);
        // one random step in each third of the run, so every kill falls after the previous restart's resume
        int third = (steps - 40) / KILLS;
        int[] killAt = IntStream.range(0, KILLS).map(i -> 10 + i * third + random.nextInt(third)).toArray();
        String runId = null;
        int killedAt = 0;
        for (int target : killAt) {
            try (DaemonJvm daemon = DaemonJvm.start(dataDir, "daemon-before-" + target);
                    DaemonClient client = DaemonClient.connect(DaemonLocation.find(dataDir, null))) {
                if (runId == null) {
                    runId = ((Submitted) client.submit(Files.readString(killed), dir)).runId();
                }
                assertResumedFromACheckpoint(client.status(runId), killedAt);
                RunStatus atKill = awaitStatus(client, runId, status -> status.step() >= target);
                daemon.kill();
                killedAt = atKill.step();
                System.out.printf("kill -9 seed %d: target step %d, killed at step %d/%d%n", KILL_SEED, target,
                        killedAt, steps);
                assertThat(atKill.state()).isEqualTo("running");
            }
            assertThat(DaemonFile.in(dataDir)).as("left behind by SIGKILL").exists();
            assertThat(Cli.run("status", runId, "--data-dir", dataDir.toString()).exitCode())
                    .isEqualTo(ExitCode.DAEMON_UNREACHABLE);
        }
        try (DaemonJvm daemon = DaemonJvm.start(dataDir, "daemon-after");
                DaemonClient client = DaemonClient.connect(DaemonLocation.find(dataDir, null))) {
            assertResumedFromACheckpoint(client.status(runId), killedAt);
            RunStatus end = awaitStatus(client, runId, RunStatusText::ended);
            assertThat(end.state()).as(daemon.output()).isEqualTo("done");
            Path exported = export(runId, dataDir);
            Path ran = run(killed);
            for (String file : List.of("samples.csv", "metrics.csv")) {
                assertThat(Files.readAllBytes(exported.resolve(file))).as(file)
                        .isEqualTo(Files.readAllBytes(ran.resolve(file)));
            }
        }
    }

    @Test
    void shouldResumeATrainingJobKilledWithSigkillToTheWeightsOfAnUninterruptedOne() throws Exception {
        Path dataDir = dir.resolve("data");
        String training = """
                  seed = 4
                  job = train
                  record-every = 25
                  data { kind = moons, n = 2000 }
                  process { kind = vp, timesteps = 50 }
                  model {
                    kind = mlp, width = 32, blocks = 1, checkpoint = "%s"
                    train { steps = 1200, batch-size = 32, save-every = 100 }
                  }
                """;
        Path killed = spec("train-killed", training.formatted("killed"));
        String runId;
        int killedAt;
        try (DaemonJvm daemon = DaemonJvm.start(dataDir, "trainer-before");
                DaemonClient client = DaemonClient.connect(DaemonLocation.find(dataDir, null))) {
            runId = ((Submitted) client.submit(Files.readString(killed), dir)).runId();
            RunStatus atKill = awaitStatus(client, runId, status -> status.step() >= 450);
            daemon.kill();
            killedAt = atKill.step();
            assertThat(atKill.state()).isEqualTo("running");
        }
        try (DaemonJvm daemon = DaemonJvm.start(dataDir, "trainer-after");
                DaemonClient client = DaemonClient.connect(DaemonLocation.find(dataDir, null))) {
            RunStatus resumed = client.status(runId);
            System.out.printf("training killed at step %d, resumed at step %d%n", killedAt, resumed.step());
            assertThat(resumed.step()).as("from the save before the kill, not from 0")
                    .isBetween(killedAt - 2 * 100, killedAt);
            assertThat(awaitStatus(client, runId, RunStatusText::ended).state()).as(daemon.output()).isEqualTo("done");
            // the same job uninterrupted, in a JVM started the same way, registered under another name
            String whole = ((Submitted) client.submit(Files.readString(spec("train-whole",
                    training.formatted("whole"))), dir)).runId();
            assertThat(awaitStatus(client, whole, RunStatusText::ended).state()).isEqualTo("done");
            Cli models = ok("models", "--json", "--data-dir", dataDir.toString());
            assertThat(models.out()).contains("\"name\":\"killed\"", "\"name\":\"whole\"");
            io.diffusim.actors.models.ModelRegistry registry = io.diffusim.actors.models.ModelRegistry.of(dataDir);
            assertThat(registry.find("killed").orElseThrow().sha256()).as("the checkpoint bytes")
                    .isEqualTo(registry.find("whole").orElseThrow().sha256());
            Path loss = export(runId, dataDir).resolve("metrics.csv");
            assertThat(Files.readAllBytes(loss)).isEqualTo(Files.readAllBytes(export(whole, dataDir).resolve("metrics.csv")));
        }
    }

    /**
     * A restarted daemon picks the run up no earlier than the checkpoint before the one that may have been half
     * written when the daemon was killed at {@code killedAt} (checkpoint-every = 10), not from step 0.
     */
    private static void assertResumedFromACheckpoint(RunStatus resumed, int killedAt) {
        int checkpointEvery = 10;
        int lastWhole = Math.max(0, (killedAt / checkpointEvery - 1) * checkpointEvery);
        assertThat(resumed.step()).as(resumed.toString()).isGreaterThanOrEqualTo(lastWhole);
    }

    /** Polls the daemon's status of a run until {@code until} holds. */
    private static RunStatus awaitStatus(DaemonClient client, String runId, Predicate<RunStatus> until)
            throws InterruptedException {
        RunStatus status = client.status(runId);
        while (!until.test(status)) {
            assertThat(status.state()).as(status.toString()).isIn("queued", "running");
            Thread.sleep(10);
            status = client.status(runId);
        }
        return status;
    }
}
