package io.diffusim.model.learned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.diffusim.model.Nd4jRuntime;
import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The U-Net of docs/science.md §7.3b: its size, its gradients, its inference pass and reproducible training. */
class UnetTest {

    /** 1x4x4 images, 2 maps at full size, a 4-wide time embedding: every weight can be checked numerically. */
    private static final UnetShape TINY = new UnetShape(1, 4, 4, 2, 4, true);

    @TempDir
    Path dir;

    @BeforeAll
    static void nd4j() {
        Nd4jRuntime.configure(Integer.getInteger("diffusim.threads", 2));
    }

    @Test
    void shouldHaveTheParameterCountOfTheDocumentedLayers() {
        // docs/science.md §7.3b at 28x28, base 16, embedding 64: time 4,160; in 160; r1, r4 5,680 each; down 4,640;
        // r2, m1, m2, r3 20,576 each; up 4,624; out 145
        UnetShape fashion = new UnetShape(1, 28, 28, 16, 64, true);
        assertThat(Weights.initial(fashion, 0, DataType.FLOAT).count()).isEqualTo(107_393);
        assertThat(fashion.inputs()).isEqualTo(784);
        // without t: no time layer and no per-block time shifts (4,160 + 2 x 1,040 + 4 x 2,080 fewer)
        UnetShape unconditional = new UnetShape(1, 28, 28, 16, 64, false);
        assertThat(Weights.initial(unconditional, 0, DataType.FLOAT).count()).isEqualTo(107_393 - 4_160 - 2_080 - 8_320);
    }

    @Test
    void shouldMatchCentralDifferencesForEveryWeight() {
        TrainingGraph graph = new TrainingGraph(Weights.initial(TINY, 3, DataType.DOUBLE));
        CentralDifferences.Result check = CentralDifferences.check(graph, feed(5, TINY.inputs()), 1e-6, 1e-6);
        System.out.printf("U-Net gradient check: %d weights, worst relative error %.2e%n", check.checked(),
                check.worst());
        assertThat(check.checked()).isEqualTo((int) graph.parameters().count());
    }

    @Test
    void shouldComputeTheTrainingGraphsNetworkInTheInferencePass() {
        Weights weights = Weights.initial(TINY, 4, DataType.DOUBLE);
        TrainingFeed feed = feed(7, TINY.inputs());
        INDArray expected = new TrainingGraph(weights).output(feed.x(), feed.t());
        INDArray actual = NetworkForward.of(weights).output(feed.x(), feed.t().toDoubleVector(), false);
        for (long i = 0; i < expected.length(); i++) {
            assertThat(actual.getDouble(i)).isCloseTo(expected.getDouble(i), within(1e-12));
        }
    }

    @Test
    void shouldResumeToTheWeightsOfAnUninterruptedTraining() throws IOException {
        Checkpoint straight = TinyTraining.unetTrainer(30, 8).train(Trainer.Progress.NONE);
        Trainer.Session cut = TinyTraining.unetTrainer(30, 8).start();
        for (int k = 0; k < 12; k++) {
            cut.step();
        }
        Path file = dir.resolve("unet.ckpt");
        cut.checkpoint().write(file);
        Trainer second = TinyTraining.unetTrainer(30, 8);
        Checkpoint resumed = second.run(second.resume(Checkpoint.read(file)), Trainer.Progress.NONE, 0, c -> { });

        assertThat(resumed.shape()).isEqualTo(TinyTraining.UNET);
        straight.online().arrays().forEach((name, w) -> assertThat(resumed.online().get(name)).as(name).isEqualTo(w));
        straight.ema().arrays().forEach((name, w) -> assertThat(resumed.ema().get(name)).as(name).isEqualTo(w));
        assertThat(straight.online().get("out.w")).isNotEqualTo(Weights.initial(TinyTraining.UNET, 8,
                DataType.FLOAT).get("out.w"));
    }

    @Test
    void shouldRefuseACheckpointOfAnotherSizeNamingBoth() throws IOException {
        Path file = dir.resolve("small.ckpt");
        TinyTraining.unetTrainer(2, 1).train(Trainer.Progress.NONE).write(file);
        Checkpoint read = Checkpoint.read(file);
        UnetShape wider = new UnetShape(1, 8, 8, 8, 8, true);

        assertThatThrownBy(() -> read.requireMatches(file, wider, read.objective(), read.process()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unet channels=1 height=8 width=8 base=4")
                .hasMessageContaining("unet channels=1 height=8 width=8 base=8");
    }

    @Test
    void shouldRefuseImagesItCannotHalveTwice() {
        assertThatThrownBy(() -> new UnetShape(3, 30, 30, 16, 64, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multiples of 4")
                .hasMessageContaining("3x30x30");
    }

    /** Random inputs, times and targets, weight 1/D per row. */
    private static TrainingFeed feed(long seed, int d) {
        SplittableRandom random = new SplittableRandom(seed);
        int rows = 3;
        double[] x = new double[rows * d];
        double[] target = new double[rows * d];
        double[] t = new double[rows];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextGaussian();
            target[i] = random.nextGaussian();
        }
        for (int r = 0; r < rows; r++) {
            t[r] = random.nextInt(20);
        }
        return new TrainingFeed(Nd4j.create(x, new long[] {rows, d}, DataType.DOUBLE),
                Nd4j.create(t, new long[] {rows, 1}, DataType.DOUBLE),
                Nd4j.create(target, new long[] {rows, d}, DataType.DOUBLE),
                Nd4j.valueArrayOf(new long[] {rows, 1}, 1.0 / d, DataType.DOUBLE), null, null);
    }
}
