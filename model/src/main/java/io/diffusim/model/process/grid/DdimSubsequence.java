package io.diffusim.model.process.grid;

/**
 * A descending subsequence tau_0 > ... > tau_{S-1} of the chain indices 0..T-1 (docs/science.md §1.3); the step
 * after the last goes to Abar = 1.
 *
 * <p>Spacings (rounding is half-to-even, as NumPy):
 * <ul>
 *   <li>{@link Spacing#LINSPACE}: {@code tau_j = round((T-1)(1 - j/(S-1)))}, from T-1 down to 0 (default);</li>
 *   <li>{@link Spacing#LEADING}: {@code floor((S-1-j) T / S)}, i.e. the indices {@code i T / S} in descending order,
 *       from {@code floor((S-1)T/S)} down to 0;</li>
 *   <li>{@link Spacing#TRAILING}: {@code tau_j = round(T - j T/S) - 1}, from T-1 down to {@code round(T/S) - 1}
 *       (diffusers' "trailing").</li>
 * </ul>
 */
public record DdimSubsequence(int chainLength, int steps, Spacing spacing) implements TimeGrid {

    /** How the S indices are spread over the chain. */
    public enum Spacing { LINSPACE, LEADING, TRAILING }

    public DdimSubsequence {
        TimeGrid.requireAtLeast(chainLength, 2, "chainLength");
        TimeGrid.requireAtLeast(steps, 1, "steps");
        if (steps > chainLength) {
            throw new IllegalArgumentException("steps=" + steps + " exceeds chainLength=" + chainLength);
        }
        if (spacing == null) {
            throw new IllegalArgumentException("spacing must not be null");
        }
    }

    /** The default LINSPACE spacing. */
    public static DdimSubsequence linspace(int chainLength, int steps) {
        return new DdimSubsequence(chainLength, steps, Spacing.LINSPACE);
    }

    /** The chain indices tau_j, strictly decreasing. */
    public int[] timesteps() {
        int[] tau = new int[steps];
        for (int j = 0; j < steps; j++) {
            tau[j] = switch (spacing) {
                case LINSPACE -> steps == 1 ? chainLength - 1
                        : TimeGrid.roundHalfEven((chainLength - 1) * (1 - (double) j / (steps - 1)));
                case LEADING -> (int) ((long) (steps - 1 - j) * chainLength / steps);
                case TRAILING -> TimeGrid.roundHalfEven(chainLength - (double) j * chainLength / steps) - 1;
            };
        }
        return tau;
    }

    /** {@link #timesteps()} as doubles. */
    @Override
    public double[] times() {
        int[] tau = timesteps();
        double[] times = new double[tau.length];
        for (int j = 0; j < tau.length; j++) {
            times[j] = tau[j];
        }
        return times;
    }
}
