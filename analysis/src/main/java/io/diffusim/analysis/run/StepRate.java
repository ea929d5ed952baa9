package io.diffusim.analysis.run;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A run's pace: steps per second over the last {@link #WINDOW_NS} of sampling and the time left at that pace. The
 * window forgets the slow first steps (JIT warm-up, first-touch allocations) that a whole-run average keeps, and
 * still spans several recorded steps, whose analyses cost more than the steps between them. A sampler that stops
 * early has no time left to estimate: only its rate is known.
 */
public final class StepRate {

    /** How far back the rate looks. */
    static final long WINDOW_NS = 20_000_000_000L;

    private final boolean stopsEarly;
    private final Deque<long[]> seen = new ArrayDeque<>();

    /** @param stopsEarly the sampler may finish before its step count ({@code Sampler.stopsEarly}) */
    public StepRate(boolean stopsEarly) {
        this.stopsEarly = stopsEarly;
    }

    /** {@code stepsDone} steps were complete at {@code nowNs} ({@link System#nanoTime()}). */
    public void observe(int stepsDone, long nowNs) {
        seen.addLast(new long[] {stepsDone, nowNs});
        // keep one point at or before the window's start, so the window is always spanned
        while (seen.size() > 2 && nowNs - secondOldest()[1] >= WINDOW_NS) {
            seen.removeFirst();
        }
    }

    /** Steps per second over the window; NaN before two observations a moment apart. */
    public double stepsPerSecond() {
        if (seen.size() < 2) {
            return Double.NaN;
        }
        long[] first = seen.peekFirst();
        long[] last = seen.peekLast();
        long ns = last[1] - first[1];
        return ns <= 0 ? Double.NaN : (last[0] - first[0]) * 1e9 / ns;
    }

    /** Seconds until {@code steps} are done at the current rate; NaN when unknown or when the sampler stops early. */
    public double secondsLeft(int steps) {
        double rate = stepsPerSecond();
        if (stopsEarly || !(rate > 0) || seen.isEmpty()) {
            return Double.NaN;
        }
        return Math.max(0, steps - seen.peekLast()[0]) / rate;
    }

    private long[] secondOldest() {
        var it = seen.iterator();
        it.next();
        return it.next();
    }
}
