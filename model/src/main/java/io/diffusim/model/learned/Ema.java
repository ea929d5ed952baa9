package io.diffusim.model.learned;

/**
 * The EMA of the weights as the AI-Scientist template's {@code ema_pytorch} computes it (docs/science.md §7.3,
 * known answer K20). Call {@link #update} after every optimiser step: on call number s (0-based) it acts only when
 * {@code s mod every = 0}; while {@code s <= after} it copies the weights, afterwards
 * {@code theta_ema <- delta theta_ema + (1 - delta) theta} with
 * {@code delta = clamp(1 - (1 + (s - after))^(-power), 0, max)} (inv_gamma = 1). Not thread-safe.
 */
public final class Ema {

    private final Weights average;
    private final Settings settings;
    private long counter;
    private boolean initialised;

    /** The EMA settings; the template's are {@code max 0.995, every 10, after 100, power 2/3}. */
    public record Settings(double max, int every, int after, double power) {

        public Settings {
            if (!(max >= 0 && max <= 1) || every < 1 || after < 0 || !(power > 0)) {
                throw new IllegalArgumentException("EMA needs max in [0, 1], every >= 1, after >= 0 and power > 0, got "
                        + max + ", " + every + ", " + after + ", " + power);
            }
        }

        public static Settings template() {
            return new Settings(0.995, 10, 100, 2.0 / 3.0);
        }
    }

    /** An EMA whose average starts as (and is kept in) {@code average}, resumed at call {@code counter}. */
    public Ema(Weights average, Settings settings, long counter) {
        this.average = average;
        this.settings = settings;
        this.counter = counter;
        this.initialised = counter > firstAveragingCall(settings);
    }

    /** The decay delta that call number s applies, 0 before the warm-up ends (K20: 0.797820 at s = 110). */
    public static double decay(Settings settings, long s) {
        long epoch = s - settings.after();
        if (epoch <= 0) {
            return 0;
        }
        double value = 1 - Math.pow(1 + epoch, -settings.power());
        return Math.max(0, Math.min(settings.max(), value));
    }

    /** The first call after the warm-up that acts: the smallest multiple of {@code every} above {@code after}. */
    static long firstAveragingCall(Settings settings) {
        return (settings.after() / settings.every() + 1) * (long) settings.every();
    }

    /** Whether call number s changes the average. */
    public static boolean acts(Settings settings, long s) {
        return s % settings.every() == 0;
    }

    /** One call after an optimiser step with the online weights. */
    public void update(Weights online) {
        long s = counter++;
        if (!acts(settings, s)) {
            return;
        }
        if (s <= settings.after()) {
            average.assignFrom(online);
            return;
        }
        if (!initialised) {
            // the template copies once more at its first update after the warm-up, then averages
            average.assignFrom(online);
            initialised = true;
        }
        double delta = decay(settings, s);
        average.arrays().forEach((name, a) -> a.muli(delta).addi(online.get(name).mul(1 - delta)));
    }

    /** The averaged weights (live). */
    public Weights average() {
        return average;
    }

    /** Calls so far. */
    public long counter() {
        return counter;
    }
}
