package io.diffusim.model.learned;

import io.diffusim.model.denoise.EvalRequest;
import io.diffusim.model.process.ForwardProcess;
import io.diffusim.model.process.VeProcess;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * PSPC-Flex's heat maps from a trained network's input gradients (docs/science.md §3.6): at noise level sigma the
 * map of output pixel p is {@code h_p(q) = mean_s sum_{c'} |sum_c d D(x_s)_{c,p} / d x_{c',q}|} over noisy copies
 * {@code x_s = x0_s + sigma eps_s} of training images, with D the network's denoised estimate (one channel: the
 * mean absolute Jacobian entry).
 *
 * <p>D is affine in the network's output: {@code D(x) = alpha x + beta F(c_in x, t)} at fixed sigma, with alpha and
 * beta read off the objective's own conversion (at x = 1, F = 0 and at x = 0, F = 1), so its Jacobian is
 * {@code alpha I + beta c_in J_F}. SameDiff's reverse mode gives J_F's rows for a block of output pixels at a time:
 * the batch holds each sample once per pixel of the block, and the gradient of the sum of each row's own pixel with
 * respect to the inputs is every such row's row of J_F. Time is sigma: ve and edm processes. Not thread-safe.
 */
public final class NetworkHeatMaps {

    /** Reports progress: levels done of all. */
    public interface Progress {
        Progress NONE = (level, levels) -> { };

        void onLevel(int level, int levels);
    }

    private static final String U = "u";
    private static final String T = "t";
    private static final String PIXEL = "pixel";
    /** Output pixels whose Jacobian rows one reverse pass gives. */
    private static final int PIXELS_PER_PASS = 49;

    private final UnetShape shape;
    private final TrainingObjective objective;
    private final ForwardProcess process;
    private final SameDiff sd = ConvolutionHelpers.apply(SameDiff.create());
    private final DataType type;

    /** Heat maps of the U-Net with {@code weights}, trained with {@code objective} on {@code process}. */
    public NetworkHeatMaps(Weights weights, TrainingObjective objective, ForwardProcess process) {
        if (!(weights.shape() instanceof UnetShape unet)) {
            throw new IllegalArgumentException("heat maps are computed for image networks (unet), not "
                    + weights.shape().describe());
        }
        if (!(process instanceof VeProcess)) {
            throw new IllegalArgumentException("heat maps need process.kind = ve | edm, whose time is sigma");
        }
        this.shape = unet;
        this.objective = objective;
        this.process = process;
        this.type = weights.dataType();
        SDVariable u = sd.var(U, Nd4j.zeros(type, 1, shape.inputs()));
        SDVariable t = shape.timeInput() ? sd.placeHolder(T, type, -1, 1) : null;
        SDVariable out = shape.build(sd, weights.constants(sd), type, u, t, null).out();
        // per row, the output pixel (all channels) whose row of the Jacobian is wanted, as a 0/1 mask
        out.mul(sd.placeHolder(PIXEL, type, -1, shape.inputs())).sum("selected");
        sd.setLossVariables("selected");
        TrainingGraph.createGradientsQuietly(sd);
    }

    /**
     * The maps {@code [L, H, W, H, W]} (row-major, float64) at each of {@code sigmas}, averaged over {@code samples}
     * noisy copies of rows of {@code images} (row-major {@code [n, D]}), drawn from {@code seed}.
     */
    public double[] compute(double[] images, double[] sigmas, int samples, long seed, Progress progress) {
        int d = shape.inputs();
        int n = images.length / d;
        if (n < 1 || images.length % d != 0 || samples < 1) {
            throw new IllegalArgumentException("heat maps need images of " + d + " values and samples >= 1");
        }
        int pixels = shape.height() * shape.width();
        double[] heat = new double[sigmas.length * pixels * pixels];
        SplittableRandom random = new SplittableRandom(seed);
        for (int level = 0; level < sigmas.length; level++) {
            double sigma = sigmas[level];
            double[] x = new double[samples * d];
            for (int s = 0; s < samples; s++) {
                int row = random.nextInt(n);
                for (int j = 0; j < d; j++) {
                    x[s * d + j] = images[row * d + j] + sigma * random.nextGaussian();
                }
            }
            System.arraycopy(level(x, samples, sigma), 0, heat, level * pixels * pixels, pixels * pixels);
            progress.onLevel(level + 1, sigmas.length);
        }
        return heat;
    }

    /** The maps {@code [P, P]} of one level at the noisy inputs {@code x} ({@code samples} rows). */
    double[] level(double[] x, int samples, double sigma) {
        int d = shape.inputs();
        int channels = shape.channels();
        int pixels = shape.height() * shape.width();
        double[] heat = new double[pixels * pixels];
        double[] affine = affine(sigma);
        double scale = objective.inputScale(sigma);
        Map<String, INDArray> feed = new HashMap<>();
        for (int first = 0; first < pixels; first += PIXELS_PER_PASS) {
            int count = Math.min(PIXELS_PER_PASS, pixels - first);
            // row k * samples + s: sample s, asked for output pixel first + k
            double[] u = new double[count * samples * d];
            double[] mask = new double[count * samples * d];
            for (int k = 0; k < count; k++) {
                for (int s = 0; s < samples; s++) {
                    int row = (k * samples + s) * d;
                    for (int j = 0; j < d; j++) {
                        u[row + j] = scale * x[s * d + j];
                    }
                    for (int c = 0; c < channels; c++) {
                        mask[row + c * pixels + first + k] = 1;
                    }
                }
            }
            long[] rowsShape = {(long) count * samples, d};
            sd.getVariable(U).setArray(Nd4j.create(u, rowsShape, DataType.DOUBLE).castTo(type));
            feed.put(PIXEL, Nd4j.create(mask, rowsShape, DataType.DOUBLE).castTo(type));
            if (shape.timeInput()) {
                feed.put(T, Nd4j.valueArrayOf(new long[] {rowsShape[0], 1}, objective.networkTime(sigma), type));
            }
            double[] rows = sd.calculateGradients(feed, U).get(U).castTo(DataType.DOUBLE).reshape(-1).toDoubleVector();
            for (int k = 0; k < count; k++) {
                int p = first + k;
                for (int s = 0; s < samples; s++) {
                    int row = (k * samples + s) * d;
                    for (int c = 0; c < channels; c++) {
                        for (int q = 0; q < pixels; q++) {
                            double jacobian = affine[1] * scale * rows[row + c * pixels + q] + (q == p ? affine[0] : 0);
                            heat[p * pixels + q] += Math.abs(jacobian) / samples;
                        }
                    }
                }
            }
        }
        return heat;
    }

    /** alpha and beta of {@code D(x) = alpha x + beta F} at sigma, read from the objective's conversion. */
    private double[] affine(double sigma) {
        INDArray t = Nd4j.valueArrayOf(new long[] {1, 1}, sigma, DataType.DOUBLE);
        INDArray one = Nd4j.ones(DataType.DOUBLE, 1, 1);
        INDArray zero = Nd4j.zeros(DataType.DOUBLE, 1, 1);
        double alpha = objective.prediction(new EvalRequest(one, t, null), zero, process).x0().getDouble(0);
        double beta = objective.prediction(new EvalRequest(zero, t, null), one, process).x0().getDouble(0);
        return new double[] {alpha, beta};
    }
}
