package io.diffusim.model.learned;

import io.diffusim.config.LearnedSpec;
import io.diffusim.config.ModelSpec;
import io.diffusim.config.RunSpec;
import io.diffusim.config.SpecRenderer;
import io.diffusim.config.TrainSpec;
import io.diffusim.config.Words;
import io.diffusim.model.data.Dataset;
import io.diffusim.model.denoise.Denoiser;
import io.diffusim.model.imported.SafetensorsMlp;
import io.diffusim.model.process.ForwardProcess;
import io.diffusim.model.process.VpDiscreteProcess;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * From an {@code mlp} model spec to the network (docs/science.md §7.3): the shape it asks for on the run's data, the
 * trainer of {@code bin/diffusim train}, and the denoiser over a checkpoint. The weights and the training are in
 * float32, the type the reference trains in (docs/science.md §0 "Numerics").
 */
public final class MlpModels {

    /** The weights' type for training and inference. */
    public static final DataType WEIGHTS = DataType.FLOAT;

    private MlpModels() {
    }

    /** The network an mlp spec asks for on {@code dimension}-dimensional data. */
    public static MlpShape shape(ModelSpec.Mlp mlp, int dimension) {
        LearnedSpec learned = mlp.learned();
        return new MlpShape(dimension, SinusoidalEmbedding.SIZE, mlp.width(), mlp.blocks(),
                learned.densityHead() ? dimension + 1 : dimension, learned.noiseConditional());
    }

    /** The process a checkpoint records: its spec block on one line. */
    public static String process(RunSpec run) {
        return SpecRenderer.process(run.process());
    }

    /** The denoiser of a run whose model is an mlp: the EMA weights of {@code model.checkpoint}. */
    public static Denoiser denoiser(ModelSpec.Mlp mlp, RunSpec run, Dataset data, ForwardProcess process) {
        requireEps(mlp.learned());
        Path file = mlp.learned().checkpoint().orElseThrow(() -> new IllegalArgumentException(
                "model.checkpoint = null: an mlp samples from a trained checkpoint; write one with "
                        + "bin/diffusim train SPEC"));
        if (file.getFileName().toString().endsWith(".safetensors")) {
            // PyTorch weights: the spec says what they were trained on, the file only what they are
            return new MlpDenoiser(process, new MlpForward(SafetensorsMlp.parameters(file, shape(mlp, data.dimension()),
                    WEIGHTS)));
        }
        MlpCheckpoint checkpoint;
        try {
            checkpoint = MlpCheckpoint.read(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("model.checkpoint = " + file + ": no such file; write it with "
                    + "bin/diffusim train SPEC", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("model.checkpoint = " + file + ": " + e.getMessage(), e);
        }
        checkpoint.requireMatches(file, shape(mlp, data.dimension()), Words.of(mlp.learned().objective()),
                process(run));
        return new MlpDenoiser(process, new MlpForward(checkpoint.ema()));
    }

    /** The trainer of {@code bin/diffusim train}: the spec's data, process, model and train settings, the run's seed. */
    public static MlpTrainer trainer(ModelSpec.Mlp mlp, RunSpec run, Dataset data, ForwardProcess process) {
        LearnedSpec learned = mlp.learned();
        requireEps(learned);
        if (learned.densityHead()) {
            throw new IllegalArgumentException("model.density-head = true: training the log-density head "
                    + "(docs/science.md §7.4) is not available yet");
        }
        if (learned.condition() != LearnedSpec.Condition.NONE) {
            throw new IllegalArgumentException("model.condition = " + Words.of(learned.condition())
                    + ": conditional training is not available yet; use none");
        }
        if (!(process instanceof VpDiscreteProcess vp)) {
            throw new IllegalArgumentException("process.kind = " + Words.of(run.process().kind())
                    + ": mlp training draws t from a discrete chain; use process.kind = vp");
        }
        TrainSpec train = learned.train();
        MlpTrainer.Settings settings = new MlpTrainer.Settings(train.steps(), train.batchSize(), train.lr(),
                train.weightDecay(), train.gradClip(),
                new Ema.Settings(train.ema(), train.emaEvery(), train.emaAfter(), train.emaPower()), run.seed(),
                WEIGHTS);
        double[] points = data.points().castTo(DataType.DOUBLE).reshape(data.points().length()).toDoubleVector();
        return new MlpTrainer(shape(mlp, data.dimension()), settings, points, vp.sqrtAlphaBar(),
                vp.sqrtOneMinusAlphaBar(), process(run));
    }

    private static void requireEps(LearnedSpec learned) {
        if (learned.objective() != LearnedSpec.Objective.EPS) {
            throw new IllegalArgumentException("model.objective = " + Words.of(learned.objective())
                    + ": the mlp is trained and sampled as an eps-prediction network for now; use eps");
        }
    }
}
