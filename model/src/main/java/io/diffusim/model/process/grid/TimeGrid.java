package io.diffusim.model.process.grid;

/**
 * A sampling grid {@code t_0 > t_1 > ... > t_N} in a process's own time, noise to data (docs/science.md §0, §1.3).
 *
 * <p>Step i maps the state at t_i to t_{i+1}. Implementations are immutable; {@link #times()} returns a
 * fresh array.
 */
public interface TimeGrid {

    /** The grid values, strictly decreasing. */
    double[] times();

    /** Rejects a count below the given minimum, naming it. */
    static int requireAtLeast(int value, int minimum, String name) {
        if (value < minimum) {
            throw new IllegalArgumentException(name + " must be >= " + minimum + ", got " + value);
        }
        return value;
    }

    /** Rejects {@code low >= high} or a non-positive / non-finite bound, naming both. */
    static void requireRange(double low, double high) {
        if (!(low > 0) || !(high > low) || !Double.isFinite(high)) {
            throw new IllegalArgumentException("need 0 < low < high < inf, got low=" + low + ", high=" + high);
        }
    }

    /** Round half to even, as NumPy's {@code round} that the reference grids use. */
    static int roundHalfEven(double value) {
        return (int) Math.rint(value);
    }
}
