package io.diffusim.model.learned;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The random part of the training of docs/science.md §7.2-7.3, all from one seeded stream: the data are reshuffled at
 * every epoch and cut into batches in order (the last batch of an epoch holds the remainder, as PyTorch's
 * {@code DataLoader(shuffle=True)} does); each row gets a time from the objective's prior, a noise eps ~ N(0, I) and,
 * for the sliced losses, a probe v ~ N(0, I) (of unit length for plain sliced score matching, §5.3). The objective's
 * {@link RowCorruption} turns them into the network's input, the target and the weights.
 *
 * <p>The batch is formed on the heap and handed to ND4J as a few arrays per step: it is a few hundred numbers, and
 * doing it with ND4J ops would cost more in op overhead than it computes. Deterministic for a seed; not thread-safe.
 */
public final class TrainingDraws {

    private final double[] points;
    private final int dimension;
    private final int count;
    private final int batchSize;
    private final TrainingObjective objective;
    private final boolean densityHead;
    private final DataType type;
    private final SplittableRandom random;
    private final int[] order;
    private int position;

    /**
     * @param points the training set, row-major {@code [count, dimension]}
     * @param densityHead whether the feed carries the head's weights (docs/science.md §7.4)
     */
    public TrainingDraws(double[] points, int dimension, int batchSize, TrainingObjective objective, boolean densityHead,
                         DataType type, long seed) {
        if (dimension < 1 || points.length % dimension != 0 || points.length == 0 || batchSize < 1) {
            throw new IllegalArgumentException("training draws need points, dimension >= 1 and batch-size >= 1");
        }
        this.points = points;
        this.dimension = dimension;
        this.count = points.length / dimension;
        this.batchSize = batchSize;
        this.objective = objective;
        this.densityHead = densityHead;
        this.type = type;
        this.random = new SplittableRandom(seed);
        this.order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        this.position = count;
    }

    /** The next batch. */
    public TrainingFeed next() {
        return draw(true);
    }

    /** Moves past {@code batches} batches, drawing exactly what {@link #next()} would (to resume a training). */
    public void skip(long batches) {
        for (long k = 0; k < batches; k++) {
            draw(false);
        }
    }

    private TrainingFeed draw(boolean keep) {
        if (position >= count) {
            shuffle();
            position = 0;
        }
        int rows = Math.min(batchSize, count - position);
        LossForm form = objective.loss();
        double[] x = new double[rows * dimension];
        double[] tau = new double[rows];
        double[] target = new double[rows * dimension];
        double[] weight = new double[rows];
        double[] head = new double[rows];
        double[] probe = form.sliced() ? new double[rows * dimension] : null;
        for (int r = 0; r < rows; r++) {
            int point = order[position + r];
            double time = objective.drawTime(random);
            RowCorruption row = objective.corruption(time);
            double scale = objective.inputScale(time);
            tau[r] = objective.networkTime(time);
            weight[r] = row.weight();
            head[r] = row.head();
            for (int j = 0; j < dimension; j++) {
                double noise = random.nextGaussian();
                double x0 = points[point * dimension + j];
                x[r * dimension + j] = scale * (row.alpha() * x0 + row.beta() * noise);
                target[r * dimension + j] = row.c() * x0 + row.d() * noise;
            }
            if (probe != null) {
                drawProbe(probe, r, form == LossForm.SLICED);
            }
        }
        position += rows;
        if (!keep) {
            return null;
        }
        return new TrainingFeed(matrix(x, rows, dimension), matrix(tau, rows, 1),
                form.sliced() ? null : matrix(target, rows, dimension), matrix(weight, rows, 1),
                probe == null ? null : matrix(probe, rows, dimension), densityHead ? matrix(head, rows, 1) : null);
    }

    private void drawProbe(double[] probe, int row, boolean unitLength) {
        double sumSq = 0;
        for (int j = 0; j < dimension; j++) {
            double v = random.nextGaussian();
            probe[row * dimension + j] = v;
            sumSq += v * v;
        }
        if (unitLength) {
            double norm = Math.sqrt(sumSq);
            for (int j = 0; j < dimension; j++) {
                probe[row * dimension + j] /= norm;
            }
        }
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
