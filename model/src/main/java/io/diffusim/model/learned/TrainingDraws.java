package io.diffusim.model.learned;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The random part of the training of docs/science.md §7.2-7.3, all from one seeded stream: the data are reshuffled at
 * every epoch and cut into batches in order (the last batch of an epoch holds the remainder, as PyTorch's
 * {@code DataLoader(shuffle=True)} does), each row gets a time t uniform on {0..T-1} and a noise eps ~ N(0, I), and
 * {@code x_t = a(t) x_0 + b(t) eps}.
 *
 * <p>The batch is formed on the heap and handed to ND4J as three arrays per step: it is a few hundred numbers, and
 * doing it with ND4J ops would cost more in op overhead than it computes. Deterministic for a seed; not thread-safe.
 */
public final class TrainingDraws {

    private final double[] points;
    private final int dimension;
    private final int count;
    private final int batchSize;
    private final double[] a;
    private final double[] b;
    private final DataType type;
    private final SplittableRandom random;
    private final int[] order;
    private int position;

    /** One training batch: {@code x_t [B, D]}, {@code t [B, 1]}, {@code eps [B, D]}. */
    public record Batch(INDArray xt, INDArray t, INDArray eps) {
    }

    /**
     * @param points the training set, row-major {@code [count, dimension]}
     * @param a a(t) for t = 0..T-1
     * @param b b(t) for t = 0..T-1
     */
    public TrainingDraws(double[] points, int dimension, int batchSize, double[] a, double[] b, DataType type,
                         long seed) {
        if (dimension < 1 || points.length % dimension != 0 || points.length == 0 || batchSize < 1
                || a.length != b.length || a.length == 0) {
            throw new IllegalArgumentException("training draws need points, dimension >= 1, batch-size >= 1 and a, b "
                    + "tables of one length");
        }
        this.points = points;
        this.dimension = dimension;
        this.count = points.length / dimension;
        this.batchSize = batchSize;
        this.a = a;
        this.b = b;
        this.type = type;
        this.random = new SplittableRandom(seed);
        this.order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        this.position = count;
    }

    /** The next batch. */
    public Batch next() {
        return draw(true);
    }

    /** Moves past {@code batches} batches, drawing exactly what {@link #next()} would (to resume a training). */
    public void skip(long batches) {
        for (long k = 0; k < batches; k++) {
            draw(false);
        }
    }

    private Batch draw(boolean keep) {
        if (position >= count) {
            shuffle();
            position = 0;
        }
        int rows = Math.min(batchSize, count - position);
        double[] xt = new double[rows * dimension];
        double[] t = new double[rows];
        double[] eps = new double[rows * dimension];
        for (int r = 0; r < rows; r++) {
            int point = order[position + r];
            int step = random.nextInt(a.length);
            t[r] = step;
            for (int j = 0; j < dimension; j++) {
                double noise = random.nextGaussian();
                eps[r * dimension + j] = noise;
                xt[r * dimension + j] = a[step] * points[point * dimension + j] + b[step] * noise;
            }
        }
        position += rows;
        return !keep ? null : new Batch(matrix(xt, rows, dimension), matrix(t, rows, 1), matrix(eps, rows, dimension));
    }

    private INDArray matrix(double[] values, int rows, int columns) {
        return Nd4j.create(values, new long[] {rows, columns}, DataType.DOUBLE).castTo(type);
    }

    private void shuffle() {
        for (int i = count - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }
}
