package io.diffusim.model.learned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.diffusim.model.Nd4jRuntime;
import io.diffusim.model.denoise.EvalRequest;
import io.diffusim.model.param.EdmPreconditioning;
import io.diffusim.model.process.VeProcess;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** PSPC-Flex heat maps from a U-Net's input gradients (docs/science.md §3.6). */
class NetworkHeatMapsTest {

    private static final UnetShape TINY = new UnetShape(1, 4, 4, 2, 4, true);
    private static final VeProcess PROCESS = VeProcess.edmDefaults();
    private static final TrainingObjective EDM = new PreconditionedObjective("edm", EdmPreconditioning.defaults(),
            TINY.inputs());

    @BeforeAll
    static void nd4j() {
        Nd4jRuntime.configure(Integer.getInteger("diffusim.threads", 2));
    }

    @Test
    void shouldBeTheSkipWeightOnTheDiagonalForANetworkThatOutputsZero() {
        Weights weights = Weights.initial(TINY, 1, DataType.DOUBLE);
        weights.get("out.w").assign(0);
        weights.get("out.b").assign(0);
        double sigma = 1.5;
        double[] heat = new NetworkHeatMaps(weights, EDM, PROCESS).level(inputs(3, 2), 2, sigma);

        // D(x) = c_skip x with c_skip = sigma_d^2 / (sigma^2 + sigma_d^2) = 0.25 / 2.5 (EDM, sigma_d = 0.5)
        for (int p = 0; p < 16; p++) {
            for (int q = 0; q < 16; q++) {
                assertThat(heat[p * 16 + q]).isCloseTo(p == q ? 0.1 : 0, within(1e-15));
            }
        }
    }

    @Test
    void shouldAverageTheAbsoluteJacobianOfTheDenoisedEstimate() {
        Weights weights = Weights.initial(TINY, 2, DataType.DOUBLE);
        double sigma = 1.3;
        int samples = 2;
        double[] x = inputs(5, samples);
        double[] heat = new NetworkHeatMaps(weights, EDM, PROCESS).level(x, samples, sigma);

        // the denoiser's own x0 by central differences, one input pixel at a time
        NetworkDenoiser denoiser = new NetworkDenoiser(PROCESS, NetworkForward.of(weights), EDM);
        double h = 1e-6;
        double[] expected = new double[16 * 16];
        for (int s = 0; s < samples; s++) {
            for (int q = 0; q < 16; q++) {
                double[] up = x0(denoiser, shifted(x, s, q, h), s, sigma);
                double[] down = x0(denoiser, shifted(x, s, q, -h), s, sigma);
                for (int p = 0; p < 16; p++) {
                    expected[p * 16 + q] += Math.abs((up[p] - down[p]) / (2 * h)) / samples;
                }
            }
        }
        for (int i = 0; i < expected.length; i++) {
            assertThat(heat[i]).as("entry " + i).isCloseTo(expected[i], within(1e-7));
        }
    }

    @Test
    void shouldRefuseANetworkThatIsNotAnImageNetwork() {
        Weights mlp = Weights.initial(new MlpShape(2, 4, 6, 1, 2, true), 1, DataType.DOUBLE);
        assertThatThrownBy(() -> new NetworkHeatMaps(mlp, EDM, PROCESS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(unet)");
    }

    private static double[] inputs(long seed, int samples) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[samples * 16];
        for (int i = 0; i < x.length; i++) {
            x[i] = 1.3 * random.nextGaussian();
        }
        return x;
    }

    private static double[] shifted(double[] x, int sample, int input, double by) {
        double[] row = new double[16];
        System.arraycopy(x, sample * 16, row, 0, 16);
        row[input] += by;
        return row;
    }

    private static double[] x0(NetworkDenoiser denoiser, double[] row, int sample, double sigma) {
        INDArray x = Nd4j.create(row, new long[] {1, 16}, DataType.DOUBLE);
        INDArray t = Nd4j.valueArrayOf(new long[] {1, 1}, sigma, DataType.DOUBLE);
        return denoiser.evaluate(new EvalRequest(x, t, null)).x0().reshape(-1).toDoubleVector();
    }
}
