package io.diffusim.actors.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffusim.actors.protocol.FrontDoorCommand.RunStatus;
import io.diffusim.actors.store.MetricRecord;
import io.diffusim.actors.testing.Eventually;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What a run's side of an observer does (enqueue, never wait, never throw) and what the observer then gets. */
class IsolatedObserverTest {

    private static final List<MetricRecord> ONE = List.of(new MetricRecord("a", "m", 0, 0.5, 1.0));

    @Test
    void anObserverThatThrowsIsRemovedAndTheCallerNeverSeesTheException() {
        AtomicInteger calls = new AtomicInteger();
        RunEvents throwing = new RunEvents() {
            @Override
            public void recorded(String runId, int firstIndex, List<MetricRecord> records) {
                calls.incrementAndGet();
                throw new IllegalStateException("The queue has already been completed.");
            }

            @Override
            public void status(RunStatus status) {
                calls.incrementAndGet();
                throw new IllegalStateException("The queue has already been completed.");
            }
        };
        try (IsolatedObserver observer = new IsolatedObserver("throwing", throwing, 10)) {
            observer.recorded("r", 0, ONE);
            Eventually.until(observer::removed, "the observer removed");
            for (int i = 0; i < 100; i++) {
                observer.recorded("r", i + 1, ONE);
                observer.status(running("r", i));
            }
            assertThat(calls.get()).isEqualTo(1);
        }
    }

    @Test
    void anObserverThatNeverReturnsHoldsOnlyItsOwnThreadAndItsBacklogStopsAtTheCapacity() throws InterruptedException {
        CountDownLatch never = new CountDownLatch(1);
        CountDownLatch entered = new CountDownLatch(1);
        RunEvents stuck = new RunEvents() {
            @Override
            public void recorded(String runId, int firstIndex, List<MetricRecord> records) {
                entered.countDown();
                await(never);
            }

            @Override
            public void status(RunStatus status) {
                await(never);
            }
        };
        try (IsolatedObserver observer = new IsolatedObserver("stuck", stuck, 5)) {
            observer.recorded("r", 0, ONE);
            entered.await();
            for (int i = 1; i < 1_000; i++) {
                observer.recorded("r", i, ONE);
                observer.status(running("r", i));
            }
            // the first batch is being delivered (and never returns), 5 wait: the other 994 are dropped
            assertThat(observer.dropped()).isEqualTo(994);
            assertThat(observer.removed()).isFalse();
        } finally {
            never.countDown();
        }
    }

    @Test
    void aSlowObserverGetsEveryRecordInOrderThenTheLatestStatusOfEachRun() throws InterruptedException {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> seen = new CopyOnWriteArrayList<>();
        RunEvents slow = new RunEvents() {
            @Override
            public void recorded(String runId, int firstIndex, List<MetricRecord> records) {
                entered.countDown();
                await(release);
                seen.add(runId + ":records@" + firstIndex);
            }

            @Override
            public void status(RunStatus status) {
                seen.add(status.id() + ":" + status.state() + "@" + status.step());
            }
        };
        try (IsolatedObserver observer = new IsolatedObserver("slow", slow, 100)) {
            observer.recorded("a", 0, ONE);
            entered.await();
            for (int step = 1; step <= 50; step++) {
                observer.status(running("a", step));
                observer.status(running("b", step));
            }
            observer.recorded("a", 1, ONE);
            observer.status(new RunStatus("a", "done", 51, 51, null));
            release.countDown();
            Eventually.until(() -> seen.size() == 4, "four deliveries");
            // a's first batch was on its way when the rest came; then a's waiting record before its latest status,
            // and b's latest status: 50 status changes of each run conflated
            assertThat(seen).containsExactly("a:records@0", "a:records@1", "a:done@51", "b:running@50");
        }
    }

    private static RunStatus running(String id, int step) {
        return new RunStatus(id, "running", step, 100, null);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
