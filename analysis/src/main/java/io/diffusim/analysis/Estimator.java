package io.diffusim.analysis;

/**
 * A metric computed incrementally from a stream of records (values, step records, ...), in the style of
 * Commons Statistics' {@code StatisticAccumulator} (docs/style.md habit 6, docs/architecture.md §2).
 *
 * <p>Contract: {@link #accept} updates in O(1) memory and never retains the record (nor any tensor in it);
 * {@link #result} is NaN until a record was accepted; {@link #combine} merges another estimator's records into
 * this one, so partial results from batches, seeds or nodes combine as if one estimator had seen them all.
 * Implementations are not thread-safe: give each thread its own instance and combine them.
 *
 * @param <T> the record type
 * @param <E> the implementing type, so that {@code combine} is typed
 */
public interface Estimator<T, E extends Estimator<T, E>> {

    /** Updates the estimate with one record. */
    void accept(T record);

    /** Number of records accepted (including those combined in). */
    long count();

    /** Current estimate, NaN while {@link #count()} is 0. */
    double result();

    /** Uncertainty of {@link #result()} (a standard error), NaN where undefined. */
    double uncertainty();

    /** Merges {@code other}'s records into this estimator and returns it; {@code other} is unchanged. */
    E combine(E other);
}
