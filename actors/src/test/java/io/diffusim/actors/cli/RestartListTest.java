package io.diffusim.actors.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffusim.actors.client.DaemonClient;
import io.diffusim.actors.client.DaemonLocation;
import io.diffusim.actors.protocol.FrontDoorCommand.RunStatus;
import io.diffusim.actors.protocol.FrontDoorCommand.Submitted;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A daemon restarted over unfinished runs answers {@code list} at once and resumes the runs behind it (issue: within
 * 3 s on the reference machine): the time from the restart's process launch to the list reply is printed, and
 * checked against a bound generous enough for a loaded machine; the runs then end as they would have.
 */
class RestartListTest {

    /**
     * Generous: the figure is some seconds on a quiet 2-core machine, and a loaded one took 20-57 s (load average
     * 10-25), most of it the daemon's own start, which {@link DaemonJvm} allows 60 s.
     */
    private static final Duration LIST_BOUND = Duration.ofSeconds(90);

    private static final String SPEC = """
            run {
              name = "restarted-%d"
              seed = %d
              particles = 240
              batch-size = 80
              data { kind = moons, n = 2000 }
              process { kind = vp, timesteps = 300 }
              model { kind = empirical }
              sampler { kind = ddpm }
              analyses = [ { kind = nearest-neighbour } ]
              checkpoint-every = 10
            }
            """;

    @TempDir
    Path dir;

    @Test
    void shouldAnswerListSoonAfterARestartAndResumeTheUnfinishedRunsBehindIt() throws Exception {
        Path dataDir = dir.resolve("data");
        String first;
        String second;
        try (DaemonJvm daemon = DaemonJvm.start(dataDir, "daemon-before");
                DaemonClient client = DaemonClient.connect(DaemonLocation.find(dataDir, null))) {
            first = ((Submitted) client.submit(SPEC.formatted(1, 1), dir)).runId();
            second = ((Submitted) client.submit(SPEC.formatted(2, 2), dir)).runId();
            while (client.status(first).step() < 20) {
                Thread.sleep(20);
            }
            daemon.kill();
        }

        long launchNs = System.nanoTime();
        try (DaemonJvm daemon = DaemonJvm.start(dataDir, "daemon-after")) {
            long readyNs = System.nanoTime();
            try (DaemonClient client = DaemonClient.connect(DaemonLocation.find(dataDir, null))) {
                List<RunStatus> listed = client.list();
                long listedNs = System.nanoTime();
                System.out.printf("restart over 2 unfinished runs: daemon ready %.2f s, list answered %.2f s after launch%n",
                        (readyNs - launchNs) * 1e-9, (listedNs - launchNs) * 1e-9);
                assertThat(Duration.ofNanos(listedNs - launchNs)).isLessThan(LIST_BOUND);
                assertThat(listed).extracting(RunStatus::id).contains(first, second);
                assertThat(listed).filteredOn(s -> s.id().equals(first)).extracting(RunStatus::state)
                        .containsExactly("running");

                for (String id : List.of(first, second)) {
                    RunStatus status = client.status(id);
                    while (!RunStatusText.ended(status)) {
                        Thread.sleep(50);
                        status = client.status(id);
                    }
                    assertThat(status.state()).as(daemon.output()).isEqualTo("done");
                }
            }
        }
    }
}
