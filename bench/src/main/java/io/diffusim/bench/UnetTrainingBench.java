package io.diffusim.bench;

import io.diffusim.model.learned.ChainObjective;
import io.diffusim.model.learned.Ema;
import io.diffusim.model.learned.LearnedModels;
import io.diffusim.model.learned.NetworkForward;
import io.diffusim.model.learned.Trainer;
import io.diffusim.model.learned.UnetShape;
import io.diffusim.model.learned.Weights;
import io.diffusim.model.process.VpDiscreteProcess;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
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
 * The U-Net of docs/science.md §7.3b on 1x28x28 images with 16 maps (float32): one training step at batch 64 (an
 * eps loss on the bench's VP chain, SameDiff's gradients, clipping, AdamW, the EMA) and one evaluation of 64 images
 * at one t. Rows are images. {@code bench/unet-peer.py} times the same network and step in PyTorch.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(1)
@State(Scope.Benchmark)
public class UnetTrainingBench {

    static final int BATCH = 64;
    static final UnetShape SHAPE = new UnetShape(1, 28, 28, 16, UnetShape.EMBEDDING, true);

    private Trainer.Session training;
    private NetworkForward forward;
    private INDArray x;
    private double[] t;

    @Setup(Level.Trial)
    public void setUp() {
        BenchData.configureNd4j();
        VpDiscreteProcess process = BenchData.vpProcess();
        SplittableRandom random = new SplittableRandom(BenchData.SEED);
        double[] images = new double[1024 * SHAPE.inputs()];
        for (int i = 0; i < images.length; i++) {
            images[i] = 2 * random.nextDouble() - 1;
        }
        Trainer.Settings settings = new Trainer.Settings(Integer.MAX_VALUE, BATCH, 3e-4, 0.01, 0.5,
                Ema.Settings.template(), BenchData.SEED, LearnedModels.WEIGHTS);
        training = new Trainer(SHAPE, settings, images, new ChainObjective(ChainObjective.Target.EPS,
                process.sqrtAlphaBar(), process.sqrtOneMinusAlphaBar(), SHAPE.inputs(), null), "bench").start();
        forward = NetworkForward.of(Weights.initial(SHAPE, BenchData.SEED, LearnedModels.WEIGHTS));
        x = Nd4j.randn(DataType.FLOAT, BATCH, SHAPE.inputs());
        t = new double[BATCH];
        Arrays.fill(t, 50);
    }

    @Benchmark
    public double trainStep(ParticleCounter counter) {
        counter.particles += BATCH;
        return training.step();
    }

    @Benchmark
    public INDArray evaluate(ParticleCounter counter) {
        counter.particles += BATCH;
        return forward.output(x, t, true);
    }
}
