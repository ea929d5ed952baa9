package io.diffusim.actors.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffusim.actors.protocol.FrontDoorCommand.RunStatus;
import io.diffusim.actors.store.InMemoryRunStore;
import io.diffusim.actors.store.MetricRecord;
import io.diffusim.actors.testing.Eventually;
import io.diffusim.actors.testing.LogCapture;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Observers that throw on every event or never return: the run's output is what it is without them. */
class ObserverIsolationTest {

    @TempDir
    Path dir;

    @Test
    void aRunWatchedByAThrowingAndAStuckObserverGivesTheOutputOfAnUnwatchedRun() {
        CountDownLatch never = new CountDownLatch(1);
        List<RunStatus> healthy = new CopyOnWriteArrayList<>();
        List<RunObserver> observers = List.of(new RunObserver("throwing", new Throwing()),
                new RunObserver("stuck", new Stuck(never)), new RunObserver("healthy", new RunEvents() {
                    @Override
                    public void recorded(String runId, int firstIndex, List<MetricRecord> records) {
                    }

                    @Override
                    public void status(RunStatus status) {
                        healthy.add(status);
                    }
                }));
        try (LogCapture log = LogCapture.of(IsolatedObserver.class);
                DaemonFixture daemon = DaemonFixture.start(new InMemoryRunStore(), dir.resolve("data"), 8, 8192, observers)) {
            String id = daemon.submit(SupervisionTreeTest.SPEC);
            assertThat(daemon.awaitEnd(id).state()).isEqualTo("done");
            assertThat(log.lines()).contains("WARN observer 'throwing' failed and no longer gets run events (runs go on):"
                    + " java.lang.IllegalStateException: The queue has already been completed.");
            daemon.assertExportIsTheLocalRun(id, SupervisionTreeTest.SPEC, dir);
            // the healthy observer beside them still hears the run end
            Eventually.until(() -> healthy.stream().anyMatch(s -> s.id().equals(id) && s.state().equals("done")),
                    "the healthy observer told of the end");
        } finally {
            never.countDown();
        }
    }

    /** Throws on every event, as the dashboard's page queue did once a tab had closed. */
    static final class Throwing implements RunEvents {
        @Override
        public void recorded(String runId, int firstIndex, List<MetricRecord> records) {
            throw new IllegalStateException("The queue has already been completed.");
        }

        @Override
        public void status(RunStatus status) {
            throw new IllegalStateException("The queue has already been completed.");
        }
    }

    /** Never returns from its first event (until {@code release}). */
    record Stuck(CountDownLatch release) implements RunEvents {
        @Override
        public void recorded(String runId, int firstIndex, List<MetricRecord> records) {
            block();
        }

        @Override
        public void status(RunStatus status) {
            block();
        }

        private void block() {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
