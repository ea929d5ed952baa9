package io.diffusim.analysis.neighbour;

import io.diffusim.analysis.Matrices;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Distances from samples to their nearest training points, with the copied fraction of docs/user-guide.md
 * ("nearest-neighbour") and the memorisation fraction {@code d_1/d_2 < 1/3} of docs/science.md §5.4.
 *
 * <p>A sample counts as copied when its nearest-neighbour distance is below a third of the training set's
 * median nearest-neighbour spacing (each training point to its nearest other training point). For training
 * sets larger than {@code spacingQueries} the median is taken over an evenly strided subset of training
 * points (each still searched against the whole set), which bounds the cost in high dimension.
 */
public final class NearestNeighbourStats {

    /** Default bound on the training points used to estimate the median spacing. */
    public static final int DEFAULT_SPACING_QUERIES = 5_000;

    private static final double COPY_RATIO = 1.0 / 3.0;
    private static final double MEMORISATION_RATIO = 1.0 / 3.0;

    /**
     * Per-sample nearest distances and their summaries.
     *
     * @param distances            Euclidean distance of each sample to its nearest training point, in sample order
     * @param mean                 mean of {@code distances} ({@code nearest-neighbour.mean})
     * @param medianSpacing        median nearest-neighbour distance within the training set, self excluded
     * @param copiedFraction       fraction of samples with distance below {@code medianSpacing / 3}
     * @param memorisationFraction fraction of samples with {@code d_1/d_2 < 1/3}
     */
    public record Summary(double[] distances, double mean, double medianSpacing, double copiedFraction,
                          double memorisationFraction) {
    }

    private NearestNeighbourStats() {
    }

    /** Statistics of {@code samples [m, d]} against {@code training [n, d]} (n ≥ 2) with the default spacing bound. */
    public static Summary of(INDArray training, INDArray samples) {
        return of(training, samples, DEFAULT_SPACING_QUERIES);
    }

    /** Heap-array variant of {@link #of(INDArray, INDArray)}. */
    public static Summary of(double[][] training, double[][] samples) {
        return of(Matrices.toArray(training, "training"), Matrices.toArray(samples, "samples"));
    }

    /** Statistics with at most {@code spacingQueries} training points used for the median spacing. */
    public static Summary of(INDArray training, INDArray samples, int spacingQueries) {
        if (training == null || training.rank() != 2 || training.rows() < 2) {
            throw new IllegalArgumentException("training must be an [n, d] matrix with n >= 2");
        }
        if (spacingQueries < 1) {
            throw new IllegalArgumentException("spacingQueries = " + spacingQueries + " must be >= 1");
        }
        NeighbourSearch search = NeighbourSearch.euclidean(training);
        double[][] nearest = search.nearestDistances(samples, 2);
        double spacing = medianSpacing(search, training, spacingQueries);
        int m = nearest.length;
        double[] d1 = new double[m];
        double sum = 0.0;
        int copied = 0;
        int memorised = 0;
        for (int i = 0; i < m; i++) {
            d1[i] = nearest[i][0];
            sum += d1[i];
            copied += d1[i] < COPY_RATIO * spacing ? 1 : 0;
            // Written multiplicatively so that d_1 = d_2 = 0 (duplicated training points) is not memorised.
            memorised += d1[i] < MEMORISATION_RATIO * nearest[i][1] ? 1 : 0;
        }
        return new Summary(d1, sum / m, spacing, (double) copied / m, (double) memorised / m);
    }

    // Query k = 2 and keep the second distance: the first is the point itself (NPEET's convention).
    private static double medianSpacing(NeighbourSearch search, INDArray training, int spacingQueries) {
        int n = (int) training.rows();
        INDArray queries = training;
        if (n > spacingQueries) {
            int[] rows = new int[spacingQueries];
            for (int i = 0; i < spacingQueries; i++) {
                rows[i] = (int) ((long) i * n / spacingQueries);
            }
            queries = training.getRows(rows);
        }
        double[][] nearest = search.nearestDistances(queries, 2);
        double[] spacing = new double[nearest.length];
        for (int i = 0; i < spacing.length; i++) {
            spacing[i] = nearest[i][1];
        }
        return median(spacing);
    }

    /** Median as NumPy defines it (mean of the two middle values for an even count); sorts a copy. */
    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int h = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[h] : 0.5 * (sorted[h - 1] + sorted[h]);
    }
}
