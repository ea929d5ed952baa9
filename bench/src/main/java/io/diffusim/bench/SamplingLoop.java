package io.diffusim.bench;

import io.diffusim.analysis.run.ParticleBatches;
import io.diffusim.analysis.run.StepDriver;
import io.diffusim.config.RunSpec;
import io.diffusim.config.SpecLoader;
import io.diffusim.model.Nd4jRuntime;
import io.diffusim.model.data.Dataset;
import io.diffusim.model.data.Datasets;
import io.diffusim.model.denoise.Denoiser;
import io.diffusim.model.denoise.DenoiserBackend;
import io.diffusim.model.denoise.Denoisers;
import io.diffusim.model.process.ForwardProcess;
import io.diffusim.model.process.Processes;
import io.diffusim.sampling.NoiseSource;
import io.diffusim.sampling.Sampler;
import io.diffusim.sampling.SamplerState;
import io.diffusim.sampling.Samplers;
import io.diffusim.sampling.noise.CounterNoise;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * diffusim's sampling loop on a run spec, timed as bench/compare's peers time theirs (bench/peers): the spec's data,
 * denoiser and sampler, its batches stepped in turn as {@code LocalRun} steps them, no analyses, float64.
 *
 * <pre>SamplingLoop JOB SPEC PARTICLES REPEATS [STEPS [host|nd4j]]</pre>
 * STEPS = 0 runs every step; a positive count runs the first STEPS only (the closed-form jobs cost the same at every
 * step, so the rate is that of the whole run). Prints one line,
 * {@code <job> diffusim-<backend> threads=<n> particles=<N> particle-steps/s <rate>}: the median of REPEATS timed runs
 * after warm-up runs on the same particles (at least 3 s of them: a JVM runs interpreted code until the JIT has
 * compiled it, the peers' Python is as fast on its first call; and a warm-up on other batch shapes gets code compiled
 * for those, which the measured runs then deoptimise and recompile). Each timed run's rate goes to stderr. Threads: {@code -Ddiffusim.threads} (default 2).
 */
public final class SamplingLoop {

    /** The shortest warm-up: a GMM-DDIM run of 1,000 particles lasts a few milliseconds once compiled. */
    private static final long WARM_UP_NS = 3_000_000_000L;

    private SamplingLoop() {
    }

    public static void main(String[] args) {
        if (args.length < 4) {
            System.err.println("usage: SamplingLoop JOB SPEC PARTICLES REPEATS [STEPS [host|nd4j]]");
            System.exit(2);
        }
        int threads = Integer.getInteger("diffusim.threads", 2);
        Nd4jRuntime.configure(threads);
        String job = args[0];
        RunSpec spec = SpecLoader.loadWithoutAnalyses(Path.of(args[1]));
        int particles = Integer.parseInt(args[2]);
        int repeats = Math.max(1, Integer.parseInt(args[3]));
        int steps = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        DenoiserBackend backend = args.length > 5 ? DenoiserBackend.valueOf(args[5].toUpperCase()) : DenoiserBackend.closedFormDefault();

        Dataset data = Datasets.from(spec.data(), spec.seed());
        ForwardProcess process = Processes.from(spec.process());
        Denoiser denoiser = Denoisers.from(spec.model(), spec, data, process, backend);
        Sampler sampler = Samplers.from(spec.sampler(), spec, process, data);
        NoiseSource noise = new CounterNoise(spec.seed());

        // the JIT compiles the loop only after many calls: warm up on the measured batches for WARM_UP_NS at least
        long warmUpEnd = System.nanoTime() + WARM_UP_NS;
        do {
            run(sampler, denoiser, noise, particles, spec.batchSize(), steps);
        } while (System.nanoTime() < warmUpEnd);
        double[] rates = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            rates[r] = run(sampler, denoiser, noise, particles, spec.batchSize(), steps);
            System.err.printf("run %d: %.4g particle-steps/s%n", r, rates[r]);
        }
        Arrays.sort(rates);
        System.out.printf("%s diffusim-%s threads=%d particles=%d particle-steps/s %.6g%n", job,
                backend.name().toLowerCase(), threads, particles, rates[repeats / 2]);
    }

    /** Particle-steps per second of one run from the first grid point (start-up not timed, as the peers). */
    private static double run(Sampler sampler, Denoiser denoiser, NoiseSource noise, int particles, int batchSize,
                              int steps) {
        List<SamplerState> states = new ArrayList<>();
        for (long[] batch : ParticleBatches.split(particles, batchSize)) {
            states.add(sampler.start(batch, noise));
        }
        int last = steps > 0 ? Math.min(steps, sampler.steps()) : sampler.steps();
        long start = System.nanoTime();
        for (int step = 0; step < last; step++) {
            for (int b = 0; b < states.size(); b++) {
                states.set(b, StepDriver.step(sampler, denoiser, states.get(b), noise, new ArrayList<>(2)));
            }
        }
        double seconds = (System.nanoTime() - start) * 1e-9;
        for (SamplerState state : states) {
            if (!Double.isFinite(state.x().sumNumber().doubleValue())) {
                throw new IllegalStateException("particles left the finite numbers");
            }
        }
        return (double) particles * last / seconds;
    }
}
