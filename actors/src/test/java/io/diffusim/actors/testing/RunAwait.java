package io.diffusim.actors.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffusim.actors.protocol.FrontDoorCommand.RunStatus;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls a run's status until it matches, failing with the last status seen after a timeout. */
public final class RunAwait {

    private static final long POLL_MS = 20;

    private RunAwait() {
    }

    public static RunStatus until(Supplier<RunStatus> status, Predicate<RunStatus> until, Duration timeout) {
        long deadlineNs = System.nanoTime() + timeout.toNanos();
        while (true) {
            RunStatus now = status.get();
            if (until.test(now)) {
                return now;
            }
            assertThat(System.nanoTime()).as("run %s still %s", now.id(), now).isLessThan(deadlineNs);
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
