package io.diffusim.actors.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/** Polls until a condition holds; the deadline only stops a broken test from hanging, it asserts no timing. */
final class Polling {

    private static final Duration GIVE_UP = Duration.ofSeconds(60);

    private Polling() {
    }

    static void until(IntSupplier poll, BooleanSupplier done, String what) {
        long deadlineNs = System.nanoTime() + GIVE_UP.toNanos();
        while (!done.getAsBoolean()) {
            if (poll.getAsInt() == 0) {
                Thread.onSpinWait();
                StreamedDaemon.sleep(1);
            }
            assertThat(System.nanoTime()).as("still waiting for " + what).isLessThan(deadlineNs);
        }
    }
}
