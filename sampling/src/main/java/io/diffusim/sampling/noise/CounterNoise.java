package io.diffusim.sampling.noise;

import io.diffusim.sampling.NoiseSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Counter-based noise (docs/science.md §0 "Randomness"): each draw is a SplitMix64 hash of
 * (seed, particle id, step, sub-step, coordinate), turned into normals by Box-Muller, so a particle's
 * row does not depend on the batch it sits in.
 */
public final class CounterNoise implements NoiseSource {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    // Distinct stream tags keep Gaussian and uniform draws of the same key independent.
    private static final long GAUSSIAN_STREAM = 0x6A09E667F3BCC909L;
    private static final long UNIFORM_STREAM = 0xBB67AE8584CAA73BL;
    private static final double TWO_PI = 2 * Math.PI;
    private static final double UNIT = 0x1.0p-53;

    private final long seed;

    public CounterNoise(long seed) {
        this.seed = seed;
    }

    public long seed() {
        return seed;
    }

    @Override
    public INDArray gaussian(long[] particles, int dim, int step, int subStep) {
        return Nd4j.create(gaussianValues(particles, dim, step, subStep), new long[] {particles.length, dim},
                DataType.DOUBLE);
    }

    @Override
    public double[] gaussianValues(long[] particles, int dim, int step, int subStep) {
        requireShape(particles, dim);
        double[] out = new double[particles.length * dim];
        for (int r = 0; r < particles.length; r++) {
            long row = rowKey(GAUSSIAN_STREAM, particles[r], step, subStep);
            int base = r * dim;
            // Coordinates 2k and 2k+1 share one Box-Muller pair, a pure function of (row, k).
            for (int c = 0; c < dim; c += 2) {
                long pair = row + (long) c * GOLDEN_GAMMA;
                double u1 = 1.0 - (mix64(pair) >>> 11) * UNIT;
                double u2 = (mix64(pair + GOLDEN_GAMMA) >>> 11) * UNIT;
                double radius = Math.sqrt(-2.0 * Math.log(u1));
                double angle = TWO_PI * u2;
                out[base + c] = radius * Math.cos(angle);
                if (c + 1 < dim) {
                    out[base + c + 1] = radius * Math.sin(angle);
                }
            }
        }
        return out;
    }

    @Override
    public INDArray uniform(long[] particles, int dim, int step, int subStep) {
        requireShape(particles, dim);
        double[] out = new double[particles.length * dim];
        for (int r = 0; r < particles.length; r++) {
            long row = rowKey(UNIFORM_STREAM, particles[r], step, subStep);
            int base = r * dim;
            for (int c = 0; c < dim; c++) {
                out[base + c] = (mix64(row + (long) c * GOLDEN_GAMMA) >>> 11) * UNIT;
            }
        }
        return Nd4j.create(out, new long[] {particles.length, dim}, DataType.DOUBLE);
    }

    /** Hashes (stream, seed, id, step, sub-step) into a well-mixed 64-bit row key. */
    private long rowKey(long stream, long particle, int step, int subStep) {
        long h = mix64(seed ^ stream);
        h = mix64(h + particle * GOLDEN_GAMMA);
        h = mix64(h ^ ((long) step * 0xD1B54A32D192ED03L));
        return mix64(h + ((long) subStep + 1) * 0xAEF17502108EF2D9L);
    }

    /** The SplitMix64 finaliser (Steele, Lea and Flood 2014). */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static void requireShape(long[] particles, int dim) {
        if (particles == null || particles.length == 0) {
            throw new IllegalArgumentException("need at least one particle id");
        }
        if (dim < 1 || (long) particles.length * dim > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("cannot draw " + particles.length + " x " + dim + " values");
        }
    }
}
