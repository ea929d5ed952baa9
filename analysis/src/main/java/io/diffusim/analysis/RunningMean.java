package io.diffusim.analysis;

import java.util.function.DoubleConsumer;

/**
 * Arithmetic mean and its standard error by Welford's update {@code M ← M + (x − M)/n},
 * {@code S ← S + (x − M_old)(x − M)}, merged by Chan et al.'s pairwise formula (docs/style.md habit 6).
 * The standard error is {@code sqrt(S/(n−1)/n)}, NaN for fewer than two values. Not thread-safe.
 */
public final class RunningMean implements Estimator<Double, RunningMean>, DoubleConsumer {

    private long n;
    private double mean;
    private double sumSquaredDeviations;

    private RunningMean() {
    }

    /** An empty mean (result NaN). */
    public static RunningMean create() {
        return new RunningMean();
    }

    /** The mean of the given values. */
    public static RunningMean of(double... values) {
        RunningMean m = create();
        for (double v : values) {
            m.accept(v);
        }
        return m;
    }

    @Override
    public void accept(double value) {
        n++;
        double delta = value - mean;
        mean += delta / n;
        sumSquaredDeviations += delta * (value - mean);
    }

    @Override
    public void accept(Double record) {
        accept(record.doubleValue());
    }

    @Override
    public long count() {
        return n;
    }

    @Override
    public double result() {
        return n == 0 ? Double.NaN : mean;
    }

    @Override
    public double uncertainty() {
        return n < 2 ? Double.NaN : Math.sqrt(sumSquaredDeviations / (n - 1) / n);
    }

    @Override
    public RunningMean combine(RunningMean other) {
        if (other.n == 0) {
            return this;
        }
        long total = n + other.n;
        double delta = other.mean - mean;
        sumSquaredDeviations += other.sumSquaredDeviations + delta * delta * ((double) n * other.n / total);
        mean += delta * other.n / total;
        n = total;
        return this;
    }
}
