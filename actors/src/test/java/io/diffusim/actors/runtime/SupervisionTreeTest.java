package io.diffusim.actors.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffusim.actors.protocol.FrontDoorCommand.RunStatus;
import io.diffusim.actors.store.InMemoryRunStore;
import io.diffusim.actors.testing.Eventually;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each actor type below the daemon's guardian, killed as a crash would kill it, does what docs/supervision.md says:
 * a run's own actors (supervisor, batch, replica) restart the run from its checkpoints, and it ends as an
 * uninterrupted run would; a run that keeps dying is failed after its restarts; the device thread's keeper is spawned
 * again; and a part the daemon cannot work without shuts the daemon down, naming it.
 */
class SupervisionTreeTest {

    /** Heavy enough steps that a kill at step 20 lands mid-run, with checkpoints every 5 steps. */
    static final String SPEC = """
            run {
              name = "supervised"
              seed = 11
              particles = 1500
              batch-size = 500
              data { kind = moons, n = 2000 }
              process { kind = vp, schedule = linear, timesteps = 100 }
              model { kind = empirical }
              sampler { kind = ddpm }
              analyses = [ { kind = kl, k = 3 }, { kind = nearest-neighbour } ]
              record-every = 2
              checkpoint-every = 5
            }
            """;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/user/run-registry/run-*", "/user/run-registry/run-*/batch-1", "/user/model-pool/replica-*"})
    void aRunWhoseActorIsKilledMidRunRestartsFromItsCheckpointsAndEndsAsAnUninterruptedRun(String path)
            {
        try (DaemonFixture daemon = DaemonFixture.start(new InMemoryRunStore(), dir.resolve("data"), 8)) {
            String id = daemon.submit(SPEC);
            RunStatus before = daemon.await(id, s -> s.step() >= 20);
            assertThat(before.state()).isEqualTo("running");
            daemon.kill(path);
            RunStatus end = daemon.awaitEnd(id);
            assertThat(end.state()).as(end.toString()).isEqualTo("done");
            daemon.assertExportIsTheLocalRun(id, SPEC, dir);
        }
    }

    @Test
    void aRunWhoseStarterIsKilledWhileBuildingItsPartsIsStartedAgainAndEndsAsAnUninterruptedRun() {
        // 200,000 training points: building the denoiser and the nearest-neighbour tree takes long enough to catch
        String spec = """
                run {
                  name = "slow-start"
                  seed = 12
                  particles = 20
                  batch-size = 10
                  data { kind = moons, n = 200000 }
                  process { kind = vp, schedule = linear, timesteps = 4 }
                  model { kind = empirical }
                  sampler { kind = ddpm }
                  analyses = [ { kind = nearest-neighbour } ]
                  checkpoint-every = 2
                }
                """;
        try (DaemonFixture daemon = DaemonFixture.start(new InMemoryRunStore(), dir.resolve("data"), 8)) {
            String id = daemon.submit(spec);
            Eventually.until(() -> daemon.exists("/user/run-registry/run-1/starter"), "the starter");
            daemon.kill("/user/run-registry/run-1/starter");
            RunStatus end = daemon.awaitEnd(id);
            assertThat(end.state()).as(end.toString()).isEqualTo("done");
            assertThat(daemon.exists("/user/run-registry/run-2")).as("the restarted supervisor retired").isFalse();
            daemon.assertExportIsTheLocalRun(id, spec, dir);
        }
    }

    @Test
    void aRunWhoseSupervisorKeepsDyingIsFailedAfterItsRestartsAndOtherRunsGoOn() {
        try (DaemonFixture daemon = DaemonFixture.start(new InMemoryRunStore(), dir.resolve("data"), 8)) {
            String doomed = daemon.submit(SPEC);
            String other = daemon.submit(RunSpecs.moons(3));
            Eventually.until(() -> daemon.exists("/user/run-registry/run-1"), "the first supervisor");
            daemon.kill("/user/run-registry/run-1");
            for (int incarnation = 3; incarnation <= 5; incarnation++) {
                String next = "/user/run-registry/run-" + incarnation;
                Eventually.until(() -> daemon.exists(next), next);
                daemon.kill(next);
            }
            RunStatus end = daemon.awaitEnd(doomed);
            assertThat(end.state()).isEqualTo("failed");
            assertThat(end.error()).isEqualTo("the run's supervisor stopped unexpectedly (see the daemon log); given up"
                    + " after 3 restarts");
            assertThat(daemon.awaitEnd(other).state()).isEqualTo("done");
        }
    }

    @Test
    void theDeviceThreadsKeeperIsSpawnedAgainAndRunsGoOn() {
        try (DaemonFixture daemon = DaemonFixture.start(new InMemoryRunStore(), dir.resolve("data"), 8)) {
            String id = daemon.submit(RunSpecs.moons(4));
            var first = daemon.resolve("/user/device-thread");
            daemon.kill("/user/device-thread");
            Eventually.until(() -> daemon.exists("/user/device-thread")
                    && !daemon.resolve("/user/device-thread").equals(first), "a new keeper");
            assertThat(daemon.awaitEnd(id).state()).isEqualTo("done");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"front-door", "state-store", "model-pool", "run-registry"})
    void theDaemonShutsDownNamingAnEssentialPartThatStops(String part) throws Exception {
        DaemonFixture daemon = DaemonFixture.start(new InMemoryRunStore(), dir.resolve("data"), 8);
        try {
            daemon.submit(RunSpecs.moons(5));
            daemon.kill("/user/" + part);
            daemon.system.getWhenTerminated().toCompletableFuture().get(60, TimeUnit.SECONDS);
            var reason = CoordinatedShutdown.get(daemon.system).getShutdownReason();
            assertThat(reason).containsInstanceOf(DaemonFailure.class);
            assertThat(((DaemonFailure) reason.orElseThrow()).message()).startsWith("the daemon's " + part + " ")
                    .endsWith("; the daemon cannot work without it and shuts down");
        } finally {
            daemon.close();
        }
    }
}
