package io.diffusim.model.learned;

import io.diffusim.config.EqmMagnitude;
import io.diffusim.config.LearnedSpec;
import io.diffusim.config.ModelSpec;
import io.diffusim.config.ProcessSpec;
import io.diffusim.config.RunSpec;
import io.diffusim.config.SpecRenderer;
import io.diffusim.config.TrainSpec;
import io.diffusim.config.Words;
import io.diffusim.model.data.Dataset;
import io.diffusim.model.denoise.Denoiser;
import io.diffusim.model.denoise.Denoisers;
import io.diffusim.model.imported.SafetensorsMlp;
import io.diffusim.model.param.EdmPreconditioning;
import io.diffusim.model.param.UedmPreconditioning;
import io.diffusim.model.process.FlowMatchingProcess;
import io.diffusim.model.process.ForwardProcess;
import io.diffusim.model.process.VeProcess;
import io.diffusim.model.process.VpDiscreteProcess;
import io.diffusim.model.process.grid.NcsnLadder;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * From an {@code mlp} or {@code unet} model spec to the network (docs/science.md §7.3, §7.3b): the shape it asks for on the run's data, the
 * objective it learns, the trainer of {@code bin/diffusim train}, the denoiser over a checkpoint and the gradient of
 * its log-density head (§7.4). The weights and the training are in float32, the type the reference trains in
 * (docs/science.md §0 "Numerics").
 */
public final class LearnedModels {

    /** The weights' type for training and inference. */
    public static final DataType WEIGHTS = DataType.FLOAT;

    private LearnedModels() {
    }

    /** The network an mlp spec asks for on {@code dimension}-dimensional data. */
    public static MlpShape shape(ModelSpec.Mlp mlp, int dimension) {
        LearnedSpec learned = mlp.learned();
        return new MlpShape(dimension, SinusoidalEmbedding.SIZE, mlp.width(), mlp.blocks(),
                learned.densityHead() ? dimension + 1 : dimension, learned.noiseConditional());
    }

    /** The network a learned model's spec asks for on the run's data (a U-Net needs images: their shape sizes it). */
    public static Architecture shape(ModelSpec model, Dataset data) {
        if (model instanceof ModelSpec.Mlp mlp) {
            return shape(mlp, data.dimension());
        }
        ModelSpec.Unet unet = (ModelSpec.Unet) model;
        int[] image = data.imageShape();
        if (image == null) {
            throw new IllegalArgumentException("model.kind = unet needs image data (fashion-mnist, idx, png or npy), "
                    + "got " + data.name() + " points of dimension " + data.dimension() + "; use model.kind = mlp");
        }
        if (unet.learned().densityHead()) {
            throw new IllegalArgumentException("model.density-head = true: the log-density head is an mlp's");
        }
        try {
            return new UnetShape(image[0], image[1], image[2], unet.width(), UnetShape.EMBEDDING,
                    unet.learned().noiseConditional());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("model.kind = unet: " + e.getMessage(), e);
        }
    }

    /** The learned-model settings of an mlp or unet spec. */
    private static LearnedSpec learned(ModelSpec model) {
        return model.asLearned().orElseThrow(() -> new IllegalArgumentException(
                "model.kind = " + Words.of(model.kind()) + " is not a learned model; use mlp | unet"));
    }

    /** The process a checkpoint records: its spec block on one line. */
    public static String process(RunSpec run) {
        return SpecRenderer.process(run.process());
    }

    /**
     * The objective of an mlp spec on the run's process (docs/science.md §1.4-1.5, §3.5, §5.3): eps, x0 and v on a
     * vp chain, edm and uedm on ve | edm, fm on fm, ncsn and ssm on ve | edm, eqm on any (its corruption is its own).
     * A combination that cannot train is an IllegalArgumentException naming the key.
     */
    public static TrainingObjective objective(ModelSpec model, RunSpec run, ForwardProcess process, int dimension) {
        LearnedSpec learned = learned(model);
        TrainSpec train = learned.train();
        LearnedSpec.Objective kind = learned.objective();
        if (learned.condition() != LearnedSpec.Condition.NONE) {
            throw new IllegalArgumentException("model.condition = " + Words.of(learned.condition())
                    + ": conditional training is not available yet; use none");
        }
        boolean chain = kind == LearnedSpec.Objective.EPS || kind == LearnedSpec.Objective.X0
                || kind == LearnedSpec.Objective.V;
        if (learned.densityHead() && !chain) {
            throw new IllegalArgumentException("model.density-head = true: the log-density term of docs/science.md "
                    + "§7.4 weighs rows by 1 - t/T of a discrete chain; use objective = eps | x0 | v");
        }
        return switch (kind) {
            case EPS, X0, V -> {
                VpDiscreteProcess vp = require(process, VpDiscreteProcess.class, run, kind, "vp");
                ChainObjective.DensityTerm density = !learned.densityHead() ? null
                        : new ChainObjective.DensityTerm(train.densityWeight(),
                                train.densitySign() == TrainSpec.Sign.MINUS ? -1 : 1);
                yield new ChainObjective(ChainObjective.Target.valueOf(kind.name()), vp.sqrtAlphaBar(),
                        vp.sqrtOneMinusAlphaBar(), dimension, density);
            }
            case EDM -> new PreconditionedObjective("edm", new EdmPreconditioning(sigmaData(run, process, kind)),
                    dimension);
            case UEDM -> new PreconditionedObjective("uedm", new UedmPreconditioning(sigmaData(run, process, kind)),
                    dimension);
            case FM -> {
                require(process, FlowMatchingProcess.class, run, kind, "fm");
                yield new FlowObjective(dimension);
            }
            case EQM -> new EqmObjective(Denoisers.magnitude(train.eqm()), eqmWords(train.eqm()), dimension);
            case NCSN -> score(run, process, kind, LossForm.REGRESSION, train);
            case SSM -> score(run, process, kind, LossForm.SLICED, train);
            case SSM_VR -> score(run, process, kind, LossForm.SLICED_VARIANCE_REDUCED, train);
        };
    }

    /** The denoiser of a run whose model is an mlp or a unet: the EMA weights of {@code model.checkpoint}. */
    public static Denoiser denoiser(ModelSpec model, RunSpec run, Dataset data, ForwardProcess process) {
        TrainingObjective objective = objective(model, run, process, data.dimension());
        return new NetworkDenoiser(process, NetworkForward.of(weights(model, run, data, objective)), objective);
    }

    /** The input gradient of the log-density head of the run's mlp (docs/science.md §7.4), for model-head guidance. */
    public static MlpDensityHead densityHead(ModelSpec model, RunSpec run, Dataset data, ForwardProcess process) {
        if (!(model instanceof ModelSpec.Mlp mlp) || !mlp.learned().densityHead()) {
            throw new IllegalArgumentException("sampler.guidance.density = model-head needs model.kind = mlp with "
                    + "density-head = true, got model.kind = " + Words.of(model.kind()));
        }
        TrainingObjective objective = objective(mlp, run, process, data.dimension());
        return new MlpDensityHead(weights(mlp, run, data, objective), objective);
    }

    /** PSPC-Flex heat maps from the input gradients of the run's trained unet (docs/science.md §3.6). */
    public static NetworkHeatMaps heatMaps(ModelSpec model, RunSpec run, Dataset data, ForwardProcess process) {
        TrainingObjective objective = objective(model, run, process, data.dimension());
        return new NetworkHeatMaps(weights(model, run, data, objective), objective, process);
    }

    /** The trainer of {@code bin/diffusim train}: the spec's data, process, model and train settings, the run's seed. */
    public static Trainer trainer(ModelSpec model, RunSpec run, Dataset data, ForwardProcess process) {
        TrainingObjective objective = objective(model, run, process, data.dimension());
        Architecture shape = shape(model, data);
        if (objective.loss().sliced() && !shape.tangents()) {
            throw new IllegalArgumentException("model.objective = " + Words.of(learned(model).objective())
                    + ": sliced score matching needs the network's Jacobian-vector product, which only an mlp "
                    + "builds; use ncsn for a unet");
        }
        TrainSpec train = learned(model).train();
        Trainer.Settings settings = new Trainer.Settings(train.steps(), train.batchSize(), train.lr(),
                train.weightDecay(), train.gradClip(),
                new Ema.Settings(train.ema(), train.emaEvery(), train.emaAfter(), train.emaPower()), run.seed(),
                WEIGHTS);
        double[] points = data.points().castTo(DataType.DOUBLE).reshape(data.points().length()).toDoubleVector();
        return new Trainer(shape, settings, points, objective, process(run));
    }

    /**
     * The weights a run samples with: the EMA weights of a diffusim checkpoint, or PyTorch weights from a
     * {@code .safetensors} file (the spec says what those were trained on, the file only what they are).
     */
    private static Weights weights(ModelSpec model, RunSpec run, Dataset data, TrainingObjective objective) {
        Architecture shape = shape(model, data); // the data must suit the network before any file is opened
        Path file = checkpointFile(model);
        if (file.getFileName().toString().endsWith(".safetensors")) {
            if (!(shape instanceof MlpShape mlp)) {
                throw new IllegalArgumentException("model.checkpoint = " + file + ": safetensors weights are read "
                        + "for the mlp only");
            }
            return SafetensorsMlp.parameters(file, mlp, WEIGHTS);
        }
        return checkpoint(file, shape, run, objective).ema();
    }

    private static Path checkpointFile(ModelSpec model) {
        return learned(model).checkpoint().orElseThrow(() -> new IllegalArgumentException(
                "model.checkpoint = null: a " + Words.of(model.kind()) + " samples from a trained checkpoint; write "
                        + "one with bin/diffusim train SPEC"));
    }

    /** The checkpoint in {@code file}, checked against the spec's architecture, objective and process. */
    private static Checkpoint checkpoint(Path file, Architecture shape, RunSpec run, TrainingObjective objective) {
        Checkpoint checkpoint;
        try {
            checkpoint = Checkpoint.read(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("model.checkpoint = " + file + ": no such file; write it with "
                    + "bin/diffusim train SPEC", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("model.checkpoint = " + file + ": " + e.getMessage(), e);
        }
        checkpoint.requireMatches(file, shape, objective.describe(), process(run));
        return checkpoint;
    }

    private static ScoreObjective score(RunSpec run, ForwardProcess process, LearnedSpec.Objective kind, LossForm form,
                                        TrainSpec train) {
        require(process, VeProcess.class, run, kind, "ve | edm");
        TrainSpec.NcsnLadder ladder = train.ncsn();
        return new ScoreObjective(Words.of(kind), form,
                new NcsnLadder(ladder.levels(), ladder.sigmaMax(), ladder.sigmaMin()).times());
    }

    /** sigma_d of an edm process (docs/science.md §1.5), EDM's 0.5 on a ve one. */
    private static double sigmaData(RunSpec run, ForwardProcess process, LearnedSpec.Objective kind) {
        require(process, VeProcess.class, run, kind, "ve | edm");
        return run.process() instanceof ProcessSpec.Edm edm ? edm.sigmaData()
                : EdmPreconditioning.defaults().sigmaData();
    }

    private static <P extends ForwardProcess> P require(ForwardProcess process, Class<P> kind, RunSpec run,
                                                        LearnedSpec.Objective objective, String needs) {
        if (!kind.isInstance(process)) {
            throw new IllegalArgumentException("process.kind = " + Words.of(run.process().kind()) + ": objective = "
                    + Words.of(objective) + " trains on process.kind = " + needs);
        }
        return kind.cast(process);
    }

    private static String eqmWords(EqmMagnitude magnitude) {
        return "eqm-c=" + Words.of(magnitude.c()) + " eqm-a=" + magnitude.a() + " eqm-b=" + magnitude.b()
                + " eqm-lambda=" + magnitude.lambda();
    }
}
