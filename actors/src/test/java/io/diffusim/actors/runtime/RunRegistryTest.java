package io.diffusim.actors.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffusim.actors.protocol.FrontDoorCommand.Action;
import io.diffusim.actors.store.InMemoryRunStore;
import io.diffusim.actors.store.RunRecord;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Queueing beyond max-active-runs, control of runs without a supervisor, and unfinished runs found at start. */
class RunRegistryTest {

    @TempDir
    Path dir;

    @Test
    void runsBeyondTheActiveLimitWaitQueuedAndAPausedQueuedRunWaitsForResume() {
        InMemoryRunStore store = new InMemoryRunStore();
        try (DaemonFixture daemon = DaemonFixture.start(store, dir, 1)) {
            String first = daemon.submit(RunSpecs.moons(0));
            String second = daemon.submit(RunSpecs.moons(1));
            String third = daemon.submit(RunSpecs.moons(2));
            assertThat(daemon.status(second).state()).isEqualTo("queued");
            assertThat(daemon.control(second, Action.PAUSE).state()).isEqualTo("paused");
            assertThat(daemon.control(third, Action.STOP).state()).isEqualTo("stopped");
            assertThat(daemon.awaitEnd(first).state()).isEqualTo("done");
            DaemonFixture.sleep(200);
            assertThat(daemon.status(second).state()).as("parked until resumed").isEqualTo("paused");
            assertThat(store.run(second).orElseThrow().state()).isEqualTo("paused");
            assertThat(daemon.control(second, Action.RESUME).state()).isEqualTo("queued");
            assertThat(daemon.awaitEnd(second).state()).isEqualTo("done");
            assertThat(daemon.status(third).state()).isEqualTo("stopped");
        }
    }

    @Test
    void aDaemonStartsEveryUnfinishedStoredRunAndLeavesPausedAndEndedOnesAsTheyAre() {
        InMemoryRunStore store = new InMemoryRunStore();
        String spec = io.diffusim.config.SpecRenderer.render(RunSpecs.parse(RunSpecs.moons(3)));
        store.putRun(new RunRecord("queued-run", spec, "queued", 0, 0, 1, null));
        store.putRun(new RunRecord("paused-run", spec, "paused", 0, 0, 2, null));
        store.putRun(new RunRecord("done-run", spec, "done", 20, 20, 3, null));
        store.putRun(new RunRecord("broken-run", "run { particles = -1 }", "running", 0, 0, 4, null));
        try (DaemonFixture daemon = DaemonFixture.start(store, dir, 8)) {
            assertThat(daemon.awaitEnd("queued-run").state()).isEqualTo("done");
            assertThat(daemon.status("paused-run").state()).isEqualTo("paused");
            assertThat(daemon.status("done-run").state()).isEqualTo("done");
            assertThat(daemon.status("broken-run").state()).isEqualTo("failed");
            assertThat(daemon.status("broken-run").error()).startsWith("the stored spec of the run cannot be read");
        }
    }
}
