package io.diffusim.analysis.run;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

/**
 * Splits a run's particles 0..N-1 into consecutive batches of at most {@code batch-size}; a particle's
 * id is its row in samples.csv and its noise counter, so the split never changes the results.
 */
public final class ParticleBatches {

    private ParticleBatches() {
    }

    public static List<long[]> split(int particles, int batchSize) {
        if (particles < 1 || batchSize < 1) {
            throw new IllegalArgumentException("need particles >= 1 and batch-size >= 1, got " + particles + ", " + batchSize);
        }
        List<long[]> batches = new ArrayList<>();
        for (long first = 0; first < particles; first += batchSize) {
            batches.add(LongStream.range(first, Math.min(particles, first + batchSize)).toArray());
        }
        return batches;
    }
}
