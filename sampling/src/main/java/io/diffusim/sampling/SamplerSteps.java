package io.diffusim.sampling;

import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Small shared helpers of the samplers of docs/science.md §2: state transitions, time columns, noise keys
 * and argument checks, so that each sampler file holds only its own update rule.
 */
public final class SamplerSteps {

    /** Step key of the initial draw x_T (every later draw is keyed by its own step, >= 0). */
    public static final int INITIAL_STEP = -1;

    private SamplerSteps() {
    }

    /** The initial state: step 0, sub-step 0, no evaluations yet. */
    public static SamplerState initial(long[] particles, INDArray x, Map<String, INDArray> aux) {
        return new SamplerState(x, particles.clone(), 0, 0, 0, aux);
    }

    /** Completes the current step with one more evaluation: new position, next step, sub-step 0. */
    public static SamplerState advance(SamplerState s, INDArray x, Map<String, INDArray> aux) {
        return new SamplerState(x, s.particles(), s.step() + 1, 0, s.nfe() + 1, aux);
    }

    /** Records one more evaluation inside the current step (Heun's first slope): same position, next sub-step. */
    public static SamplerState substep(SamplerState s, Map<String, INDArray> aux) {
        return new SamplerState(s.x(), s.particles(), s.step(), s.subStep() + 1, s.nfe() + 1, aux);
    }

    /**
     * A [B, 1] float64 column filled with one process time, read-only like every request's arrays. The thread's last
     * column is handed out again for the same (B, t): the batches of a run ask for the same one step after step, and
     * each fresh column is an ND4J allocation that only a garbage collection would free.
     */
    public static INDArray timeColumn(int batch, double t) {
        TimeColumn last = LAST_TIME_COLUMN.get();
        if (last != null && last.batch() == batch && Double.doubleToRawLongBits(last.t()) == Double.doubleToRawLongBits(t)) {
            return last.column();
        }
        INDArray column;
        // outside any workspace: the column outlives the scope it was asked for in
        try (var scope = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            column = Nd4j.valueArrayOf(new long[] {batch, 1}, t, DataType.DOUBLE);
        }
        LAST_TIME_COLUMN.set(new TimeColumn(batch, t, column));
        return column;
    }

    private record TimeColumn(int batch, double t, INDArray column) {
    }

    private static final ThreadLocal<TimeColumn> LAST_TIME_COLUMN = new ThreadLocal<>();

    /** Checks a particle id array and returns it. */
    public static long[] requireParticles(long[] particles) {
        if (particles == null || particles.length == 0) {
            throw new IllegalArgumentException("need at least one particle id, got "
                    + (particles == null ? "null" : "an empty array"));
        }
        return particles;
    }

    /** Checks the flattened dimension D >= 1. */
    public static int requireDimension(int dim) {
        if (dim < 1) {
            throw new IllegalArgumentException("dimension must be >= 1, got " + dim);
        }
        return dim;
    }

    /** Checks that a grid has at least two finite values, strictly decreasing, all >= 0; returns a copy. */
    public static double[] requireDescending(double[] grid, String name) {
        if (grid == null || grid.length < 2) {
            throw new IllegalArgumentException(name + " needs at least two values, got "
                    + (grid == null ? "null" : grid.length));
        }
        for (int i = 0; i < grid.length; i++) {
            if (!(grid[i] >= 0) || !Double.isFinite(grid[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + grid[i] + " must be finite and >= 0");
            }
            if (i > 0 && !(grid[i] < grid[i - 1])) {
                throw new IllegalArgumentException(name + " must be strictly decreasing, but " + name + "[" + i + "] = "
                        + grid[i] + " >= " + grid[i - 1]);
            }
        }
        return grid.clone();
    }

    /** Checks a finite, non-negative scalar option. */
    public static double requireNonNegative(double value, String name) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, got " + value);
        }
        return value;
    }
}
