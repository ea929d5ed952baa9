package io.diffusim.bench;

import io.diffusim.model.denoise.Prediction;
import io.diffusim.sampling.NoiseSource;
import io.diffusim.sampling.Sampler;
import io.diffusim.sampling.SamplerState;
import io.diffusim.sampling.noise.CounterNoise;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One full step of each sampler (docs/science.md §2; Heun and Nesterov included with all their sub-steps) from its
 * middle step, answered by a fixed prediction so that only the sampler's own update and noise draw are timed;
 * reported as steps/s and, through {@link ParticleCounter}, particle-steps/s (docs/architecture.md §6).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class SamplerBench {

    @Param({"1000", "10000"})
    public int batch;

    @Param
    public SamplerCase sampler;

    private Sampler stepper;
    private NoiseSource noise;
    private SamplerState middle;
    private Prediction prediction;

    @Setup(Level.Trial)
    public void setUp() {
        BenchData.configureNd4j();
        stepper = sampler.build();
        noise = new CounterNoise(BenchData.SEED);
        SamplerState initial = stepper.start(BenchData.particleIds(batch), noise);
        // the state of the middle step, so no first- or last-step special case is timed
        middle = new SamplerState(initial.x(), initial.particles(), stepper.steps() / 2, 0, 0, initial.aux());
        prediction = sampler.fixedPrediction(stepper.nextEvaluation(middle));
    }

    @Benchmark
    public SamplerState step(ParticleCounter counter, Blackhole blackhole) {
        SamplerState state = middle;
        do {
            blackhole.consume(stepper.nextEvaluation(state));
            state = stepper.accept(state, prediction, noise);
        } while (state.step() == middle.step());
        counter.particles += batch;
        return state;
    }
}
