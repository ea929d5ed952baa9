package io.diffusim.bench;

import io.diffusim.config.DataSpec.Split;
import io.diffusim.model.Nd4jRuntime;
import io.diffusim.model.data.Dataset;
import io.diffusim.model.data.FashionMnist;
import io.diffusim.model.data.Moons;
import io.diffusim.model.process.LinearBetaSchedule;
import io.diffusim.model.process.VpDiscreteProcess;
import io.diffusim.sampling.SamplerSteps;
import io.diffusim.sampling.noise.CounterNoise;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The fixed inputs every benchmark shares (docs/architecture.md §6): 1000 moons points (docs/science.md §7.1), the default
 * 100-step linear VP chain at its mid time, seeded particles, and 500 28x28 images for the patch denoiser.
 */
final class BenchData {

    /** Seed of the data, the particles and every noise source. */
    static final long SEED = 0;
    /** Dimension of the 2-D data. */
    static final int DIMENSION = 2;
    /** Training points of the 2-D data. */
    static final int TRAINING_POINTS = 1000;
    /** Length T of the discrete VP chain (docs/spec-reference.md default). */
    static final int VP_TIMESTEPS = 100;
    /** Mid noise level: chain time 50 of 100 (Abar ~ 0.77, sigma = b/a ~ 0.55). */
    static final double MID_TIME = 50;
    /** Images in the patch denoiser's training set. */
    static final int IMAGES = 500;

    private static final Path FASHION_MNIST = Path.of(System.getProperty("diffusim.fashion-mnist",
            "/usr/share/datasets/fashion-mnist"));

    private BenchData() {
    }

    /** Configures ND4J once per forked JVM with the thread count bench/run passes as -Ddiffusim.threads. */
    static void configureNd4j() {
        Nd4jRuntime.configure(Integer.getInteger("diffusim.threads", 2));
    }

    static Dataset moons() {
        return Moons.generate(TRAINING_POINTS, SEED);
    }

    static VpDiscreteProcess vpProcess() {
        return new VpDiscreteProcess(LinearBetaSchedule.defaults(VP_TIMESTEPS));
    }

    /** Particle ids 0..batch-1: their noise counters. */
    static long[] particleIds(int batch) {
        return LongStream.range(0, batch).toArray();
    }

    /** Standard normal particles {@code [batch, dim]}, the same rows whatever the batch. */
    static INDArray particles(int batch, int dim) {
        return new CounterNoise(SEED).gaussian(particleIds(batch), dim, SamplerSteps.INITIAL_STEP, 0);
    }

    /** A [batch, 1] column of {@link #MID_TIME}. */
    static INDArray midTime(int batch) {
        return SamplerSteps.timeColumn(batch, MID_TIME);
    }

    /**
     * The first 500 Fashion-MNIST training images scaled to [-1, 1], or, where that data set is not installed,
     * 500 seeded uniform images of the same shape: the patch denoiser's cost does not depend on pixel values.
     */
    static Dataset images() {
        if (Files.isDirectory(FASHION_MNIST)) {
            return FashionMnist.read(FASHION_MNIST, Split.TRAIN, IMAGES, List.of(), -1, 1);
        }
        int side = FashionMnist.SIDE;
        INDArray pixels = new CounterNoise(SEED).uniform(particleIds(IMAGES), side * side, 0, 0).muli(2).subi(1);
        return new Dataset("synthetic-28x28", pixels, null, new int[] {1, side, side});
    }
}
