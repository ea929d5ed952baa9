package io.diffusim.actors.protocol;

import java.util.Locale;

/** A run's pace as the CLI prints it: {@code 12.5 steps/s, 40 s left}, or the rate alone when no end is known. */
public final class Pace {

    private Pace() {
    }

    /** Empty while the rate is unknown; NaN {@code secondsLeft}: the rate only (a sampler that stops early). */
    public static String text(double stepsPerSecond, double secondsLeft) {
        if (!(stepsPerSecond >= 0)) {
            return "";
        }
        String rate = stepsPerSecond >= 10 ? String.format(Locale.ROOT, "%.0f steps/s", stepsPerSecond)
                : String.format(Locale.ROOT, "%.2g steps/s", stepsPerSecond);
        return Double.isNaN(secondsLeft) ? rate : rate + ", " + duration(secondsLeft) + " left";
    }

    /** {@code 45 s}, {@code 3 min 20 s}, {@code 2 h 05 min}. */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 100) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min " + s % 60 + " s";
        }
        return s / 3600 + " h " + String.format(Locale.ROOT, "%02d", s % 3600 / 60) + " min";
    }
}
