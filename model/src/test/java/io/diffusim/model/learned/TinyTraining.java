package io.diffusim.model.learned;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;

/** A small, quick training problem for the trainer and checkpoint tests: two clusters in 2-D, a 20-step VP chain. */
final class TinyTraining {

    static final MlpShape SHAPE = new MlpShape(2, 8, 16, 1, 2, true);
    static final int TIMESTEPS = 20;
    static final String PROCESS = "vp linear T=20";

    private TinyTraining() {
    }

    static Trainer.Settings settings(int steps, long seed) {
        return new Trainer.Settings(steps, 16, 1e-2, 0.01, 0.5, new Ema.Settings(0.995, 2, 4, 2.0 / 3.0), seed,
                DataType.FLOAT);
    }

    /** Fills a(t), b(t) of the linear chain with beta in [1e-3, 0.2] over TIMESTEPS steps. */
    static void chain(double[] a, double[] b) {
        double alphaBar = 1;
        for (int t = 0; t < TIMESTEPS; t++) {
            alphaBar *= 1 - (1e-3 + (0.2 - 1e-3) * t / (TIMESTEPS - 1));
            a[t] = Math.sqrt(alphaBar);
            b[t] = Math.sqrt(1 - alphaBar);
        }
    }

    /** Two clusters of 72 points in 2-D around (-1, -1) and (1, 1). */
    static double[] points() {
        SplittableRandom random = new SplittableRandom(99);
        double[] points = new double[2 * 72];
        for (int i = 0; i < 72; i++) {
            double centre = i % 2 == 0 ? -1 : 1;
            points[2 * i] = centre + 0.1 * random.nextGaussian();
            points[2 * i + 1] = centre + 0.1 * random.nextGaussian();
        }
        return points;
    }

    static Trainer trainer(int steps, long seed) {
        return trainer(SHAPE, steps, seed);
    }

    /** A U-Net on 36 random 1x8x8 images, the same chain. */
    static final UnetShape UNET = new UnetShape(1, 8, 8, 4, 8, true);

    /** 36 images of {@link #UNET}'s size, values in [-1, 1]. */
    static double[] images() {
        SplittableRandom random = new SplittableRandom(98);
        double[] images = new double[36 * UNET.inputs()];
        for (int i = 0; i < images.length; i++) {
            images[i] = 2 * random.nextDouble() - 1;
        }
        return images;
    }

    static Trainer unetTrainer(int steps, long seed) {
        double[] a = new double[TIMESTEPS];
        double[] b = new double[TIMESTEPS];
        chain(a, b);
        return new Trainer(UNET, settings(steps, seed), images(),
                new ChainObjective(ChainObjective.Target.EPS, a, b, UNET.inputs(), null), PROCESS);
    }

    static Trainer trainer(MlpShape shape, int steps, long seed) {
        double[] points = points();
        double[] a = new double[TIMESTEPS];
        double[] b = new double[TIMESTEPS];
        chain(a, b);
        ChainObjective.DensityTerm density = shape.hasDensityHead() ? new ChainObjective.DensityTerm(0.01, -1) : null;
        return new Trainer(shape, settings(steps, seed), points,
                new ChainObjective(ChainObjective.Target.EPS, a, b, shape.inputs(), density), PROCESS);
    }
}
