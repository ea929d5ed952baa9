package io.diffusim.bench;

import io.diffusim.model.learned.ChainObjective;
import io.diffusim.model.learned.Ema;
import io.diffusim.model.learned.LearnedModels;
import io.diffusim.model.learned.MlpShape;
import io.diffusim.model.learned.Trainer;
import io.diffusim.model.process.VpDiscreteProcess;
import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.api.buffer.DataType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One training step of the MLP of docs/science.md §7.3 at the reference size (float32): the next batch of 256 moons
 * points with their t and noise, the loss and gradients from SameDiff, clipping, AdamW and the EMA. The particle
 * counter counts training examples, so ops/s is steps/s and particles/s is examples/s. {@code bench/mlp-peer.py}
 * times the same step in PyTorch.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class MlpTrainingBench {

    /** The template's training batch (docs/science.md §7.3). */
    static final int TRAINING_BATCH = 256;

    private Trainer.Session training;

    @Setup(Level.Trial)
    public void setUp() {
        BenchData.configureNd4j();
        VpDiscreteProcess process = BenchData.vpProcess();
        double[] points = BenchData.moons().points().castTo(DataType.DOUBLE).reshape(-1).toDoubleVector();
        // a schedule far longer than any measurement, so the learning rate stays near its start
        Trainer.Settings settings = new Trainer.Settings(Integer.MAX_VALUE, TRAINING_BATCH, 3e-4, 0.01, 0.5,
                Ema.Settings.template(), BenchData.SEED, LearnedModels.WEIGHTS);
        training = new Trainer(MlpShape.reference(BenchData.DIMENSION, false), settings, points,
                new ChainObjective(ChainObjective.Target.EPS, process.sqrtAlphaBar(), process.sqrtOneMinusAlphaBar(),
                        BenchData.DIMENSION, null), "bench").start();
    }

    @Benchmark
    public double trainStep(ParticleCounter counter) {
        counter.particles += TRAINING_BATCH;
        return training.step();
    }
}
