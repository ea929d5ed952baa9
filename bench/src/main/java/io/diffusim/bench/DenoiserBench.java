package io.diffusim.bench;

import io.diffusim.model.denoise.Denoiser;
import io.diffusim.model.denoise.EvalRequest;
import io.diffusim.model.denoise.Prediction;
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

/**
 * One batched evaluation of each closed-form denoiser (docs/science.md §3) at the mid noise level, reported as
 * evaluations/s and, through {@link ParticleCounter}, particle-evaluations/s (docs/architecture.md §6). The slow
 * models run a smaller batch ({@link ClosedFormModel#scaledBatch}); the particle rate stays comparable.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class DenoiserBench {

    @Param({"1000", "10000"})
    public int batch;

    @Param
    public ClosedFormModel model;

    private Denoiser denoiser;
    private EvalRequest request;
    private int rows;

    @Setup(Level.Trial)
    public void setUp() {
        BenchData.configureNd4j();
        denoiser = model.build();
        rows = model.scaledBatch(batch);
        request = new EvalRequest(BenchData.particles(rows, denoiser.dimension()), BenchData.midTime(rows), null);
    }

    @Benchmark
    public Prediction evaluate(ParticleCounter counter) {
        counter.particles += rows;
        return denoiser.evaluate(request);
    }
}
