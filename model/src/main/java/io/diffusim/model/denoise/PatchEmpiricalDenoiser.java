package io.diffusim.model.denoise;

import io.diffusim.model.ScratchWorkspace;
import io.diffusim.model.data.Dataset;
import io.diffusim.model.process.ForwardProcess;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * PSPC-Square (docs/science.md §3.6): for every P x P square (all channels), the empirical posterior mean of the crop
 * over the same crop of every training image, averaged per pixel over the squares covering it. Generalised from
 * VE ({@code sigma = t}) to {@code x = a x_0 + b eps}: the crop posterior uses a, b and P is looked up at
 * {@code sigma = b / a}. With P equal to the image this is exactly {@link EmpiricalDenoiser}. The divergence is
 * {@code D/b - (a^2/b^3) sum_p (1/n_p) sum_{M contains p} Var_M[x0_p]} (derived as in §3.1, per crop).
 */
public final class PatchEmpiricalDenoiser implements ScheduledDenoiser {

    private static final String CROP_WORKSPACE = "diffusim-pspc-square";

    private final ForwardProcess process;
    private final INDArray pointImages;
    private final int channels;
    private final int height;
    private final int width;
    private final PatchSizeSchedule schedule;
    private final int stride;
    private final int chunkRows;
    private final INDArray augmentedWhole;

    /** Image data (flip-augment beforehand with {@link HorizontalFlip} if wanted), stride >= 1, chunkRows 0 = auto. */
    public PatchEmpiricalDenoiser(ForwardProcess process, Dataset data, PatchSizeSchedule schedule, int stride, int chunkRows) {
        int[] shape = data.imageShape();
        if (shape == null) {
            throw new IllegalArgumentException("data set " + data.name() + " has no image shape (C, H, W)");
        }
        if (stride < 1 || chunkRows < 0) {
            throw new IllegalArgumentException("need stride >= 1 and chunkRows >= 0, got " + stride + ", " + chunkRows);
        }
        this.process = process;
        this.channels = shape[0];
        this.height = shape[1];
        this.width = shape[2];
        this.schedule = schedule;
        this.stride = stride;
        this.chunkRows = chunkRows;
        INDArray points = data.points().castTo(DataType.DOUBLE);
        this.pointImages = points.reshape('c', data.size(), channels, height, width);
        // the whole-image mask is the common high-noise case; keep its augmented points as EmpiricalDenoiser does
        this.augmentedWhole = height == width ? EmpiricalPosterior.augmentPoints(points, null, null, 1) : null;
    }

    @Override
    public Prediction evaluate(EvalRequest request) {
        return LocalComposite.predict(process, request, dimension(), this::patchSize, this::composite);
    }

    @Override
    public String scheduleMetric() {
        return "patch";
    }

    @Override
    public double[] scheduled(EvalRequest request) {
        return LocalComposite.scheduled(process, request, this::patchSize);
    }

    /** P at VE level {@code sigma}, at most the image's shorter side. */
    int patchSize(double sigma) {
        return Math.min(schedule.patchSize(sigma), Math.min(height, width));
    }

    /** {@code [x0-hat, sum_p (1/n_p) sum_M Var_M[x0_p]]} as {@code [B, D + 1]}, for rows sharing patch size P. */
    private INDArray composite(INDArray x, NoiseCoefficients coefficients, int size) {
        int batch = (int) x.rows();
        if (augmentedWhole != null && size == height) {
            return LocalComposite.whole(x, coefficients, augmentedWhole, chunkRows);
        }
        INDArray images = x.reshape('c', batch, channels, height, width);
        INDArray sum = Nd4j.zeros(DataType.DOUBLE, batch, channels, height, width);
        INDArray variance = Nd4j.zeros(DataType.DOUBLE, batch, channels, height, width);
        double[] covering = new double[height * width];
        int crop = channels * size * size;
        for (int u : positions(height, size, stride)) {
            for (int v : positions(width, size, stride)) {
                // each square's crops and moments live for one pass; only sum and variance, made above, outlive it
                try (MemoryWorkspace pass = ScratchWorkspace.pass(CROP_WORKSPACE)) {
                    INDArray pointCrop = square(pointImages, u, v, size).dup('c').reshape(pointImages.size(0), crop);
                    LocalComposite.Moments moments = LocalComposite.crop(
                            square(images, u, v, size).dup('c').reshape(batch, crop), pointCrop, coefficients, chunkRows);
                    square(variance, u, v, size).addi(moments.variance().reshape('c', batch, channels, size, size));
                    square(sum, u, v, size).addi(moments.mean().reshape('c', batch, channels, size, size));
                }
                for (int i = u; i < u + size; i++) {
                    for (int j = v; j < v + size; j++) {
                        covering[i * width + j]++;
                    }
                }
            }
        }
        return LocalComposite.average(sum, variance, covering, dimension());
    }

    /**
     * Top-left corners 0, s, 2s, ... <= side - P, plus side - P itself so that every pixel is covered (the border
     * flush: with a stride that does not divide side - P, the last square is moved flush with the border).
     */
    static int[] positions(int side, int size, int stride) {
        int last = side - size;
        int count = last / stride + 1 + (last % stride == 0 ? 0 : 1);
        int[] positions = new int[count];
        for (int k = 0; k < count; k++) {
            positions[k] = Math.min(k * stride, last);
        }
        return positions;
    }

    private static INDArray square(INDArray images, int u, int v, int size) {
        return images.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(u, u + size), NDArrayIndex.interval(v, v + size));
    }

    /** The stride between squares. */
    int stride() {
        return stride;
    }

    /** (C, H, W). */
    int[] imageShape() {
        return new int[] {channels, height, width};
    }

    @Override
    public ForwardProcess process() {
        return process;
    }

    @Override
    public int dimension() {
        return channels * height * width;
    }
}
