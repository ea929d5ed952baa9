package io.diffusim.actors.runtime;

import io.diffusim.analysis.run.LocalRun;
import io.diffusim.analysis.run.RunProgress;
import io.diffusim.analysis.run.RunParts;
import io.diffusim.config.RunSpec;
import io.diffusim.config.SpecLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Tiny run specs for the runtime tests, and the in-process reference run of a spec. */
final class RunSpecs {

    /** Moons, the optimal empirical denoiser, DDPM on a 20-step chain; 100 particles in batches of 30, 30, 30, 10. */
    static final String MOONS_DDPM = """
            run {
              name = "moons-ddpm"
              seed = %d
              particles = 100
              batch-size = 30
              data { kind = moons, n = 200 }
              process { kind = vp, schedule = linear, timesteps = 20 }
              model { kind = empirical }
              sampler { kind = ddpm }
              analyses = [ { kind = kl, k = 3 }, { kind = nearest-neighbour } ]
              record-every = 2
              checkpoint-every = 5
            }
            """;

    /** The exact GMM posterior mean with DDIM, and a paired 10-step DDIM trajectory on the same noise. */
    static final String GMM_DDIM_PAIRED = """
            run {
              name = "gmm-ddim"
              seed = 3
              particles = 90
              batch-size = 40
              data {
                kind = gmm
                n = 500
                components = [
                  { weight = 0.3, mean = [-2, 0], cov = 0.0625 }
                  { weight = 0.7, mean = [2, 1], cov = [[0.3, 0.2], [0.2, 0.3]] }
                ]
              }
              process { kind = vp, schedule = linear, timesteps = 200 }
              model { kind = gmm-exact }
              sampler { kind = ddim, steps = 12 }
              analyses = [ { kind = w1, subsample = 50 }, { kind = paired, sampler { kind = ddim, steps = 10 } } ]
              record-every = 3
              checkpoint-every = 4
            }
            """;

    /** EqM gradient descent with per-particle adaptive stopping: batches stop at different steps. */
    static final String EQM_ADAPTIVE = """
            run {
              name = "eqm-adaptive"
              seed = 2
              particles = 40
              batch-size = 10
              data { kind = moons, n = 100 }
              process { kind = fm }
              model { kind = eqm-empirical, c = truncated, a = 0.8, lambda = 4, grid = 8 }
              sampler { kind = eqm-gd, step-size = 0.05, max-steps = 40, stop-gradient-norm = 2.0 }
              analyses = [ { kind = nearest-neighbour } ]
              record-every = 4
              checkpoint-every = 3
            }
            """;

    /** Annealed Langevin with an absurd step size: the particles overflow within a few steps. */
    static final String DIVERGING = """
            run {
              name = "diverging"
              particles = 20
              batch-size = 10
              data { kind = moons, n = 100 }
              process { kind = ve }
              model { kind = empirical }
              sampler { kind = langevin, epsilon = 1e200, levels = 2, steps-per-level = 3 }
            }
            """;

    private RunSpecs() {
    }

    static String moons(long seed) {
        return MOONS_DDPM.formatted(seed);
    }

    static RunSpec parse(String text) {
        return SpecLoader.parse(text, null);
    }

    static RunParts parts(String text) {
        return RunParts.of(parse(text));
    }

    /** samples.csv of {@code bin/diffusim run} of the spec. */
    static byte[] localSamples(String text, Path out) {
        try {
            new LocalRun(parse(text), out, RunProgress.NONE).run();
            return Files.readAllBytes(out.resolve("samples.csv"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
