package io.diffusim.bench;

import io.diffusim.model.denoise.EvalRequest;
import io.diffusim.model.denoise.Prediction;
import io.diffusim.model.learned.ChainObjective;
import io.diffusim.model.learned.NetworkDenoiser;
import io.diffusim.model.learned.MlpForward;
import io.diffusim.model.learned.LearnedModels;
import io.diffusim.model.learned.Weights;
import io.diffusim.model.learned.MlpShape;
import io.diffusim.model.process.VpDiscreteProcess;
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
 * The MLP of docs/science.md §7.3 at the reference size (3 residual blocks of width 256, float32): one sampler-step
 * evaluation of {@code batch} particles at the mid noise level, all at one time as in a sampler step. The weights'
 * values do not change the cost, so they are the seeded initialisation. {@code bench/mlp-peer.py} times the same
 * network in PyTorch; {@link MlpTrainingBench} times its training.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class MlpBench {

    @Param({"1000", "10000"})
    public int batch;

    private NetworkDenoiser denoiser;
    private EvalRequest request;

    @Setup(Level.Trial)
    public void setUp() {
        BenchData.configureNd4j();
        VpDiscreteProcess process = BenchData.vpProcess();
        MlpShape shape = MlpShape.reference(BenchData.DIMENSION, false);
        denoiser = new NetworkDenoiser(process, new MlpForward(Weights.initial(shape, BenchData.SEED, LearnedModels.WEIGHTS)),
                new ChainObjective(ChainObjective.Target.EPS, process.sqrtAlphaBar(), process.sqrtOneMinusAlphaBar(),
                        BenchData.DIMENSION, null));
        request = new EvalRequest(BenchData.particles(batch, BenchData.DIMENSION), BenchData.midTime(batch), null);
    }

    @Benchmark
    public Prediction evaluate(ParticleCounter counter) {
        counter.particles += batch;
        return denoiser.evaluate(request);
    }
}
