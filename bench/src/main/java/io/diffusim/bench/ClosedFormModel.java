package io.diffusim.bench;

import io.diffusim.config.Geometry;
import io.diffusim.model.data.Dataset;
import io.diffusim.model.data.Geometries;
import io.diffusim.model.denoise.Denoiser;
import io.diffusim.model.denoise.EmpiricalDenoiser;
import io.diffusim.model.denoise.GmmDenoiser;
import io.diffusim.model.denoise.PatchEmpiricalDenoiser;
import io.diffusim.model.denoise.PatchSizeSchedule;
import io.diffusim.model.denoise.WienerDenoiser;
import io.diffusim.model.eqm.EqmOptimalField;
import io.diffusim.model.eqm.MagnitudeFunction;
import io.diffusim.model.posterior.NoiseLevelPosterior;
import io.diffusim.model.posterior.NoisePrior;
import io.diffusim.model.posterior.NoiseUnconditionalTarget;
import io.diffusim.model.posterior.PointSetLikelihood;
import io.diffusim.model.posterior.RegressionTarget;
import java.util.function.Supplier;

/**
 * The closed-form denoisers of docs/science.md §3 as {@link DenoiserBench} builds them, on the 1000 moons points
 * under the 100-step linear VP chain, each with the batch divisor that keeps one evaluation within seconds.
 */
public enum ClosedFormModel {

    /** §3.1 on the sharpcov-2d mixture (§5.2: 9 full-covariance components). */
    GMM(1, () -> new GmmDenoiser(BenchData.vpProcess(), Geometries.build(Geometry.SHARPCOV_2D, 2, BenchData.SEED))),
    /** §3.2. */
    EMPIRICAL(1, () -> new EmpiricalDenoiser(BenchData.vpProcess(), BenchData.moons().points())),
    /** §3.3, every eigenpair kept. */
    WIENER(1, () -> new WienerDenoiser(BenchData.vpProcess(), BenchData.moons().points(), 0)),
    /** §3.6 on 500 28x28 images, P = 5, stride 1 (docs/spec-reference.md defaults); 576 crops per image, so batch / 100. */
    PATCH(100, () -> patch(BenchData.images())),
    /** §3.5, truncated c (a = 0.8, lambda = 4) on the sampling grid G = 64; ~B n G exponentials, so batch / 100. */
    EQM(100, () -> new EqmOptimalField(PointSetLikelihood.uniform(BenchData.moons().points()),
            new MagnitudeFunction.Truncated(0.8, 4), EqmOptimalField.SAMPLING_GRID)),
    /** §3.4 eps target, uniform prior on the chain, default quadrature (2000 + 2001 nodes); batch / 1000. */
    NOISE_UNCONDITIONAL(1000, () -> new NoiseUnconditionalTarget(PointSetLikelihood.uniform(BenchData.moons().points()),
            BenchData.vpProcess(), new NoisePrior.UniformIntegers(0, BenchData.VP_TIMESTEPS - 1), RegressionTarget.eps(),
            NoiseLevelPosterior.Settings.defaults()));

    private static final int PATCH_SIZE = 5;

    private final int batchDivisor;
    private final Supplier<Denoiser> factory;

    ClosedFormModel(int batchDivisor, Supplier<Denoiser> factory) {
        this.batchDivisor = batchDivisor;
        this.factory = factory;
    }

    /** A new denoiser over the fixed benchmark data. */
    public Denoiser build() {
        return factory.get();
    }

    /** The rows one evaluation actually gets for a requested batch (at least 1). */
    public int scaledBatch(int requested) {
        if (requested < 1) {
            throw new IllegalArgumentException("batch must be >= 1, got " + requested);
        }
        return Math.max(1, requested / batchDivisor);
    }

    private static Denoiser patch(Dataset images) {
        return new PatchEmpiricalDenoiser(BenchData.vpProcess(), images, PatchSizeSchedule.fixed(PATCH_SIZE), 1, 0);
    }
}
