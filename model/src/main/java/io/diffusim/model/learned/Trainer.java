package io.diffusim.model.learned;

import io.diffusim.model.NativeArrays;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Trains the MLP of docs/science.md §7.3 on one of the objectives of {@link TrainingObjective} (the template's is
 * eps-prediction, {@code mean ||eps-hat(x_t, t) - eps||^2}) the way the AI-Scientist template does: AdamW with a cosine decay of the learning rate to 0, the gradient norm clipped, and the
 * EMA of the weights updated after every optimiser step. SameDiff ({@link TrainingGraph}) gives the gradients; the update,
 * the clipping and the EMA are written out in place.
 *
 * <p>Deterministic: the initial weights and every draw come from {@link Settings#seed()}, and the ops run in one order,
 * so the same settings on the same data give the same checkpoint. Not thread-safe.
 */
public final class Trainer {

    /** How to train (the template's values: 10,000 steps, batch 256, lr 3e-4, decay 0.01, clip 0.5). */
    public record Settings(int steps, int batchSize, double lr, double weightDecay, double gradClip,
                           Ema.Settings ema, long seed, DataType dataType) {

        /** Everything that shapes the trajectory, on one line: what a checkpoint records to be resumed with. */
        public String describe() {
            return "steps=" + steps + " batch-size=" + batchSize + " lr=" + lr + " weight-decay=" + weightDecay
                    + " grad-clip=" + gradClip + " ema=" + ema.max() + " ema-every=" + ema.every() + " ema-after="
                    + ema.after() + " ema-power=" + ema.power() + " seed=" + seed + " dtype=" + dataType;
        }
    }

    /** Optimiser steps between the collections that return SameDiff's off-heap arrays (see {@link Session#step}). */
    private static final int COLLECT_EVERY = 10;

    /** Where {@link #run} saves the state every so many steps. */
    public interface Saver {
        void save(Checkpoint checkpoint) throws IOException;
    }

    /** Reports training as it goes; called after every step. */
    public interface Progress {
        Progress NONE = (step, steps, loss, elapsedSeconds) -> { };

        void onStep(long step, long steps, double loss, double elapsedSeconds);
    }

    private final Architecture shape;
    private final Settings settings;
    private final TrainingObjective objective;
    private final String process;
    private final String training;
    private final TrainingDraws draws;

    /**
     * @param points the training set, row-major {@code [n, D]}
     * @param objective what the network learns (the draws of each row and the loss)
     * @param process the process's description, recorded in the checkpoint
     */
    public Trainer(Architecture shape, Settings settings, double[] points, TrainingObjective objective, String process) {
        this.shape = shape;
        this.settings = settings;
        this.objective = objective;
        this.process = process;
        this.training = objective.training().isEmpty() ? settings.describe()
                : settings.describe() + " " + objective.training();
        // the draws get a stream of their own, so the initial weights and the batches do not depend on each other
        this.draws = new TrainingDraws(points, shape.inputs(), settings.batchSize(), objective,
                shape.hasDensityHead(), settings.dataType(), settings.seed() ^ 0x9E3779B97F4A7C15L);
    }

    /** The objective the network learns. */
    public TrainingObjective objective() {
        return objective;
    }

    /** Runs every step from fresh weights and returns the trained state. */
    public Checkpoint train(Progress progress) {
        try {
            return run(start(), progress, 0, checkpoint -> { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Steps {@code session} to the planned number of steps, handing the state to {@code saver} every
     * {@code saveEvery} steps (0: never; the caller saves the result) so that a training cut short can be resumed.
     */
    public Checkpoint run(Session session, Progress progress, int saveEvery, Saver saver) throws IOException {
        long t0 = System.nanoTime();
        for (long k = session.steps(); k < settings.steps(); k++) {
            double loss = session.step();
            progress.onStep(k + 1, settings.steps(), loss, (System.nanoTime() - t0) * 1e-9);
            if (saveEvery > 0 && (k + 1) % saveEvery == 0 && k + 1 < settings.steps()) {
                saver.save(session.checkpoint());
            }
        }
        return session.checkpoint();
    }

    /**
     * A training that continues from {@code checkpoint} as if it had never stopped: the weights, the AdamW moments
     * and the EMA come from the file and the draws are moved past the steps already taken, so resuming gives the
     * weights an uninterrupted training would have. The checkpoint must be of this network, process and settings.
     */
    public Session resume(Checkpoint checkpoint) {
        if (!checkpoint.shape().equals(shape) || !checkpoint.process().equals(process)
                || !checkpoint.objective().equals(objective.describe()) || !checkpoint.training().equals(training)) {
            throw new IllegalArgumentException("cannot resume a training of " + checkpoint.shape().describe() + " on "
                    + checkpoint.process() + " for " + checkpoint.objective() + " with " + checkpoint.training()
                    + " as one of " + shape.describe() + " on " + process + " for " + objective.describe() + " with "
                    + training);
        }
        if (checkpoint.step() > settings.steps()) {
            throw new IllegalArgumentException("the checkpoint is at step " + checkpoint.step() + ", past the "
                    + settings.steps() + " steps planned");
        }
        draws.skip(checkpoint.step());
        return new Session(checkpoint);
    }
    /**
     * A training in progress from fresh weights, one optimiser step at a time (what a benchmark times). The draws
     * belong to the trainer, so one trainer makes one session.
     */
    public Session start() {
        return new Session();
    }

    /** The graph, the optimiser and the EMA of one training. */
    public final class Session {
        private final TrainingGraph graph;
        private final Weights online;
        private final AdamW adam;
        private final Ema ema;
        private final CosineDecay schedule = new CosineDecay(settings.lr(), settings.steps());

        private Session() {
            graph = new TrainingGraph(Weights.initial(shape, settings.seed(), settings.dataType()), objective.loss());
            online = graph.parameters();
            adam = new AdamW(online, settings.weightDecay());
            ema = new Ema(online.copy(settings.dataType()), settings.ema(), 0);
        }

        private Session(Checkpoint from) {
            graph = new TrainingGraph(from.online(), objective.loss());
            online = graph.parameters();
            adam = new AdamW(online, settings.weightDecay(), from.adamM(), from.adamV(), from.step());
            ema = new Ema(from.ema(), settings.ema(), from.emaCounter());
        }

        /** Optimiser steps taken so far. */
        public long steps() {
            return adam.step();
        }

        /** One optimiser step on the next batch: gradients, clipping, AdamW, EMA; returns the batch's loss. */
        public double step() {
            TrainingFeed feed = draws.next();
            TrainingGraph.LossAndGradients step = graph.lossAndGradients(feed);
            Map<String, INDArray> gradients = step.gradients();
            GradientClip.clipInPlace(gradients, settings.gradClip());
            adam.stepInPlace(online, gradients, schedule.lr(adam.step()));
            ema.update(online);
            // freed now, not when a collection finds them: a U-Net step's gradients and batch are megabytes
            // off the heap, and a large heap collects too rarely (a 300-step training peaked at 9 GiB)
            gradients.values().forEach(NativeArrays::release);
            NativeArrays.release(feed.x(), feed.t(), feed.target(), feed.weight(), feed.probe(), feed.head());
            if (adam.step() % COLLECT_EVERY == 0) {
                // SameDiff's own per-step arrays are freed only when a collection finds their owners, and a heap
                // this quiet rarely starts one: a 300-step U-Net training reached 10 GiB resident without this
                System.gc();
            }
            return step.loss();
        }

        /** The state so far. */
        public Checkpoint checkpoint() {
            return new Checkpoint(shape, objective.describe(), process, training, adam.step(), ema.counter(), online,
                    ema.average(), adam.firstMoments(), adam.secondMoments());
        }
    }
}
