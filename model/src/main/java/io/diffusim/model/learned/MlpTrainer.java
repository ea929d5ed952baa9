package io.diffusim.model.learned;

import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Trains the MLP of docs/science.md §7.3 on eps-prediction, {@code mean ||eps-hat(x_t, t) - eps||^2}, the way the
 * AI-Scientist template does: AdamW with a cosine decay of the learning rate to 0, the gradient norm clipped, and the
 * EMA of the weights updated after every optimiser step. SameDiff ({@link MlpGraph}) gives the gradients; the update,
 * the clipping and the EMA are written out in place.
 *
 * <p>Deterministic: the initial weights and every draw come from {@link Settings#seed()}, and the ops run in one order,
 * so the same settings on the same data give the same checkpoint. Not thread-safe.
 */
public final class MlpTrainer {

    /** How to train (the template's values: 10,000 steps, batch 256, lr 3e-4, decay 0.01, clip 0.5). */
    public record Settings(int steps, int batchSize, double lr, double weightDecay, double gradClip,
                           Ema.Settings ema, long seed, DataType dataType) {
    }

    /** Reports training as it goes; called after every step. */
    public interface Progress {
        Progress NONE = (step, steps, loss, elapsedSeconds) -> { };

        void onStep(long step, long steps, double loss, double elapsedSeconds);
    }

    private final MlpShape shape;
    private final Settings settings;
    private final String process;
    private final TrainingDraws draws;

    /**
     * @param points the training set, row-major {@code [n, D]}
     * @param a a(t) of the forward process for t = 0..T-1 (the training times are the chain's integers)
     * @param b b(t) likewise
     * @param process the process's description, recorded in the checkpoint
     */
    public MlpTrainer(MlpShape shape, Settings settings, double[] points, double[] a, double[] b, String process) {
        if (shape.hasDensityHead()) {
            throw new IllegalArgumentException("training with the log-density head (docs/science.md §7.4) is not "
                    + "available yet; use density-head = false");
        }
        this.shape = shape;
        this.settings = settings;
        this.process = process;
        // the draws get a stream of their own, so the initial weights and the batches do not depend on each other
        this.draws = new TrainingDraws(points, shape.inputs(), settings.batchSize(), a, b, settings.dataType(),
                settings.seed() ^ 0x9E3779B97F4A7C15L);
    }

    /** Runs every step and returns the trained state. */
    public MlpCheckpoint train(Progress progress) {
        Session session = start();
        long t0 = System.nanoTime();
        for (int k = 0; k < settings.steps(); k++) {
            double loss = session.step();
            progress.onStep(k + 1, settings.steps(), loss, (System.nanoTime() - t0) * 1e-9);
        }
        return session.checkpoint();
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
        private final MlpGraph graph = new MlpGraph(MlpParameters.initial(shape, settings.seed(), settings.dataType()));
        private final MlpParameters online = graph.parameters();
        private final AdamW adam = new AdamW(online, settings.weightDecay());
        private final Ema ema = new Ema(online.copy(settings.dataType()), settings.ema(), 0);
        private final CosineDecay schedule = new CosineDecay(settings.lr(), settings.steps());

        private Session() {
        }

        /** One optimiser step on the next batch: gradients, clipping, AdamW, EMA; returns the batch's loss. */
        public double step() {
            TrainingDraws.Batch batch = draws.next();
            MlpGraph.LossAndGradients step = graph.lossAndGradients(batch.xt(), batch.t(), batch.eps());
            Map<String, INDArray> gradients = step.gradients();
            GradientClip.clipInPlace(gradients, settings.gradClip());
            adam.stepInPlace(online, gradients, schedule.lr(adam.step()));
            ema.update(online);
            return step.loss();
        }

        /** The state so far. */
        public MlpCheckpoint checkpoint() {
            return new MlpCheckpoint(shape, "eps", process, adam.step(), ema.counter(), online, ema.average(),
                    adam.firstMoments(), adam.secondMoments());
        }
    }
}
