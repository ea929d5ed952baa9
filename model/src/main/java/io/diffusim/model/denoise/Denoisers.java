package io.diffusim.model.denoise;

import io.diffusim.config.DataSpec;
import io.diffusim.config.EqmMagnitude;
import io.diffusim.config.LevelSchedule;
import io.diffusim.config.ModelSpec;
import io.diffusim.config.ProcessSpec;
import io.diffusim.config.RunSpec;
import io.diffusim.config.TimePosteriorSpec;
import io.diffusim.config.Words;
import io.diffusim.model.data.Dataset;
import io.diffusim.model.data.Datasets;
import io.diffusim.model.data.GaussianMixture;
import io.diffusim.model.eqm.EqmOptimalField;
import io.diffusim.model.eqm.FusedEqmField;
import io.diffusim.model.eqm.MagnitudeFunction;
import io.diffusim.model.imported.OnnxModels;
import io.diffusim.model.learned.LearnedModels;
import io.diffusim.model.posterior.DataLikelihood;
import io.diffusim.model.posterior.GaussianMixtureLikelihood;
import io.diffusim.model.posterior.NoiseLevelPosterior;
import io.diffusim.model.posterior.NoiseUnconditionalTarget;
import io.diffusim.model.posterior.PointSetLikelihood;
import io.diffusim.model.posterior.RegressionTarget;
import io.diffusim.model.process.ForwardProcess;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The one factory from a model spec to a denoiser: the closed-form models of docs/science.md §3 over the run's data
 * set and forward process, and the trained MLP of §7.3 from its checkpoint (see {@code Processes} for the time each request carries).
 *
 * <p>The empirical models' {@code condition-bandwidth} is the kernel width h_c of the conditional variant of §3.2;
 * runs sample unconditionally (no sampler sends a condition), so the models are built unconditional and h_c is
 * not used until conditional runs exist.
 */
public final class Denoisers {

    private Denoisers() {
    }

    /**
     * The denoiser of {@code model} (the run's own, or one an analysis names) over the run's data and process;
     * {@code data} is the run's data set as {@code Datasets.from} built it. Closed-form models with a fused host
     * kernel use it on a CPU ({@link DenoiserBackend#closedFormDefault()}).
     */
    public static Denoiser from(ModelSpec model, RunSpec run, Dataset data, ForwardProcess process) {
        return from(model, run, data, process, DenoiserBackend.closedFormDefault());
    }

    /** As above on the given backend (the exact mixture, the empirical model, PSPC-Square and the EqM field have both; the others are ND4J). */
    public static Denoiser from(ModelSpec model, RunSpec run, Dataset data, ForwardProcess process, DenoiserBackend backend) {
        boolean host = backend == DenoiserBackend.HOST;
        if (model instanceof ModelSpec.GmmExact) {
            GaussianMixture mixture = Datasets.mixture(gmm(run, model), run.seed());
            return host ? new FusedGmmDenoiser(process, mixture) : new GmmDenoiser(process, mixture);
        }
        if (model instanceof ModelSpec.Empirical empirical) {
            INDArray points = flipped(data, empirical.flip()).points();
            return host ? new FusedEmpiricalDenoiser(process, points) : new EmpiricalDenoiser(process, points);
        }
        if (model instanceof ModelSpec.EmpiricalUnconditional unconditional) {
            return noiseUnconditional(unconditional.posterior(), run, flipped(data, unconditional.flip()), process);
        }
        if (model instanceof ModelSpec.PatchEmpirical patch) {
            Dataset images = flipped(data, patch.flip());
            PatchSizeSchedule schedule = patchSchedule(patch, imageShape(model, data));
            return host ? new FusedPatchEmpiricalDenoiser(process, images, schedule, patch.stride())
                    : new PatchEmpiricalDenoiser(process, images, schedule, patch.stride(), 0);
        }
        if (model instanceof ModelSpec.PatchFlex flex) {
            int[] shape = imageShape(model, data);
            LevelTable tau = flex.tau() instanceof LevelSchedule.Table table ? levels(table) : PatchFlexDenoiser.pspcTau();
            HeatMaps heat = flex.heatMaps().<HeatMaps>map(file -> FileHeatMaps.read(file, shape[1], shape[2], tau.size()))
                    .orElseGet(() -> new GaussianHeatMaps(shape[1], shape[2], flex.heatStd()));
            return new PatchFlexDenoiser(process, flipped(data, flex.flip()), tau, heat, 0);
        }
        if (model instanceof ModelSpec.Wiener wiener) {
            if (wiener.rank() > data.dimension()) {
                throw new IllegalArgumentException("model.rank = " + wiener.rank() + " is larger than the data dimension "
                        + data.dimension() + " (0 keeps every eigenpair)");
            }
            return new WienerDenoiser(process, flipped(data, wiener.flip()).points(), wiener.rank());
        }
        if (model instanceof ModelSpec.EqmEmpirical eqm) {
            return host ? FusedEqmField.of(data, magnitude(eqm.magnitude()), eqm.grid())
                    : new EqmOptimalField(PointSetLikelihood.of(data), magnitude(eqm.magnitude()), eqm.grid());
        }
        if (model instanceof ModelSpec.Onnx onnx) {
            return OnnxModels.denoiser(onnx, process, data.dimension());
        }
        return LearnedModels.denoiser(model, run, data, process);
    }

    /**
     * The ideal noise-unconditional model of docs/science.md §3.4 for the run's data and process, shared by the
     * empirical-unconditional model, the noise-posterior analysis and {@code probe --posterior-t}:
     * <ul>
     *   <li>prior: {@code auto} is the process's training prior (vp: uniform on the integers 0..T-1; ve: uniform
     *       on [sigma_min, sigma_max]; edm: log-normal sigma with (p-mean, p-std); fm: uniform on [1e-4, 1]);
     *       {@code uniform} and {@code log-normal} choose explicitly (log-normal is a density of sigma: ve | edm);
     *       {@code t-lo} / {@code t-hi} override the support's ends;</li>
     *   <li>target: the process's natural regression target (docs/user-guide.md "Probing a denoiser"): eps for vp and ve,
     *       EDM's preconditioned network output F (§1.4, with the spec's sigma-data) for edm, eps - x_0 for fm;</li>
     *   <li>likelihood: the exact mixture for gmm data (the one the data were drawn from), otherwise the points of
     *       {@code data}.</li>
     * </ul>
     */
    public static NoiseUnconditionalTarget noiseUnconditional(TimePosteriorSpec posterior, RunSpec run, Dataset data,
                                                              ForwardProcess process) {
        DataLikelihood likelihood = run.data() instanceof DataSpec.Gmm gmm
                ? new GaussianMixtureLikelihood(Datasets.mixture(gmm, run.seed()))
                : PointSetLikelihood.of(data);
        NoiseLevelPosterior.Settings settings = new NoiseLevelPosterior.Settings(posterior.grid(),
                posterior.refineGrid(), NoiseLevelPosterior.Settings.defaults().windowSds());
        return new NoiseUnconditionalTarget(likelihood, process, NoisePriors.from(posterior, run.process()),
                target(run.process()), settings);
    }

    /** The EqM magnitude c(gamma) of docs/science.md §3.5 named by a spec. */
    public static MagnitudeFunction magnitude(EqmMagnitude spec) {
        return switch (spec.c()) {
            case CONSTANT -> new MagnitudeFunction.Constant(spec.lambda());
            case LINEAR -> new MagnitudeFunction.Linear(spec.lambda());
            case TRUNCATED -> new MagnitudeFunction.Truncated(spec.a(), spec.lambda());
            case PIECEWISE -> new MagnitudeFunction.Piecewise(spec.a(), spec.b(), spec.lambda());
        };
    }

    /** The natural regression target of a process (docs/user-guide.md "Probing a denoiser", docs/science.md §1.4). */
    static RegressionTarget target(ProcessSpec process) {
        if (process instanceof ProcessSpec.Edm edm) {
            return new RegressionTarget.EdmNetwork(edm.sigmaData());
        }
        return process instanceof ProcessSpec.Fm ? RegressionTarget.flowVelocity() : RegressionTarget.eps();
    }

    private static DataSpec.Gmm gmm(RunSpec run, ModelSpec model) {
        if (run.data() instanceof DataSpec.Gmm gmm) {
            return gmm;
        }
        throw new IllegalArgumentException("model.kind = " + Words.of(model.kind()) + " needs data.kind = gmm, got "
                + Words.of(run.data().kind()));
    }

    /** The image shape (C, H, W) a local denoiser needs, or a named error. */
    private static int[] imageShape(ModelSpec model, Dataset data) {
        if (data.imageShape() == null) {
            throw new IllegalArgumentException("model.kind = " + Words.of(model.kind()) + " needs image data; the data set "
                    + data.name() + " holds points of dimension " + data.dimension());
        }
        return data.imageShape();
    }

    /** P per noise level: the paper's table fitted to the image, the user's table, or the fixed patch. */
    private static PatchSizeSchedule patchSchedule(ModelSpec.PatchEmpirical patch, int[] shape) {
        int side = Math.min(shape[1], shape[2]);
        if (patch.schedule().isEmpty()) {
            if (patch.patch() > side) {
                throw new IllegalArgumentException("model.patch = " + patch.patch() + " is larger than the image side " + side);
            }
            return PatchSizeSchedule.fixed(patch.patch());
        }
        if (patch.schedule().get() instanceof LevelSchedule.Table table) {
            LevelTable levels = levels(table);
            int[] sizes = Arrays.stream(levels.values()).mapToInt(v -> (int) v).toArray();
            if (Arrays.stream(sizes).anyMatch(p -> p > side)) {
                throw new IllegalArgumentException("model.patch-schedule asks for a patch larger than the image side " + side);
            }
            return PatchSizeSchedule.table(levels.sigmas(), sizes, side);
        }
        return PatchSizeSchedule.pspc(side);
    }

    private static LevelTable levels(LevelSchedule.Table table) {
        return new LevelTable(table.levels().stream().mapToDouble(LevelSchedule.Level::sigma).toArray(),
                table.levels().stream().mapToDouble(LevelSchedule.Level::value).toArray());
    }

    private static Dataset flipped(Dataset data, boolean flip) {
        return flip ? HorizontalFlip.augment(data) : data;
    }
}
