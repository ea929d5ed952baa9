package io.diffusim.actors.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits until a condition holds; the deadline only stops a broken test from hanging, it asserts no timing. */
public final class Eventually {

    private static final Duration GIVE_UP = Duration.ofSeconds(120);
    private static final long POLL_MS = 10;

    private Eventually() {
    }

    public static void until(BooleanSupplier done, String what) {
        long deadlineNs = System.nanoTime() + GIVE_UP.toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime() < deadlineNs).as("still waiting for " + what).isTrue();
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
