package io.diffusim.model.denoise;

import io.diffusim.model.NativeArrays;
import io.diffusim.model.data.Dataset;
import io.diffusim.model.process.ForwardProcess;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * PSPC-Flex (docs/science.md §3.6): for every pixel p a mask M_p of the pixels holding a share tau(sigma) of p's heat
 * map ({@link FlexMask}, all channels), the empirical posterior mean of the crop over the same crop of every training
 * image, averaged per pixel over the masks covering it. When tau = 1 every mask is the whole image, so only one is
 * evaluated and the result is the empirical denoiser's; otherwise all H W masks are, duplicates included, as in the
 * PSPC code. Generalised from VE to {@code x = a x_0 + b eps} like {@link PatchEmpiricalDenoiser}, with the same
 * divergence {@code D/b - (a^2/b^3) sum_p (1/n_p) sum_{M contains p} Var_M[x0_p]}.
 */
public final class PatchFlexDenoiser implements ScheduledDenoiser {

    /** The paper's tau schedule, one per EDM grid value in descending sigma. */
    private static final double[] PSPC_TAU = {1, 1, 1, 1, 1, 1, 1, 0.7, 0.7, 0.5, 0.4, 0.4, 0.4, 0.4, 0.3, 0.3, 0.3, 0.3};

    private final ForwardProcess process;
    private final INDArray points;
    private final int channels;
    private final int pixels;
    private final LevelTable tau;
    private final int chunkRows;
    private final INDArray augmentedWhole;
    /** Per schedule entry with tau < 1, the mask of each pixel (pixel indices, ascending); null where tau = 1. */
    private final int[][][] masks;

    /**
     * Image data (flip-augment beforehand with {@link HorizontalFlip} if wanted), the tau schedule, heat maps of the
     * image's size with one entry per schedule level, chunkRows 0 = auto. A pixel that no mask of a level holds is an error.
     */
    public PatchFlexDenoiser(ForwardProcess process, Dataset data, LevelTable tau, HeatMaps heat, int chunkRows) {
        int[] shape = data.imageShape();
        if (shape == null) {
            throw new IllegalArgumentException("data set " + data.name() + " has no image shape (C, H, W)");
        }
        if (heat.height() != shape[1] || heat.width() != shape[2]) {
            throw new IllegalArgumentException("heat maps are for " + heat.height() + "x" + heat.width() + " images, the data are "
                    + shape[1] + "x" + shape[2]);
        }
        if (chunkRows < 0) {
            throw new IllegalArgumentException("need chunkRows >= 0, got " + chunkRows);
        }
        this.process = process;
        this.channels = shape[0];
        this.pixels = shape[1] * shape[2];
        this.tau = tau;
        this.chunkRows = chunkRows;
        this.points = data.points().castTo(DataType.DOUBLE);
        this.augmentedWhole = EmpiricalPosterior.augmentPoints(points, null, null, 1);
        double[] taus = tau.values();
        this.masks = new int[taus.length][][];
        for (int level = 0; level < taus.length; level++) {
            if (taus[level] < 1) {
                masks[level] = levelMasks(heat, level, taus[level], shape[2]);
            }
        }
    }

    /** The paper's tau schedule on the 18-value EDM grid. */
    public static LevelTable pspcTau() {
        return LevelTable.onEdmGrid(PSPC_TAU);
    }

    @Override
    public Prediction evaluate(EvalRequest request) {
        return LocalComposite.predict(process, request, dimension(), tau::index, this::composite);
    }

    @Override
    public String scheduleMetric() {
        return "tau";
    }

    @Override
    public double[] scheduled(EvalRequest request) {
        return LocalComposite.scheduled(process, request, tau::value);
    }

    /** The mask of pixel p at a level, for tests and for the oracle comparison. */
    int[] mask(int level, int pixel) {
        return masks[level] == null ? IntStream.range(0, pixels).toArray() : masks[level][pixel].clone();
    }

    private INDArray composite(INDArray x, NoiseCoefficients coefficients, int level) {
        if (masks[level] == null) {
            return LocalComposite.whole(x, coefficients, augmentedWhole, chunkRows);
        }
        int batch = (int) x.rows();
        int d = dimension();
        INDArray sum = Nd4j.zeros(DataType.DOUBLE, batch, d);
        INDArray variance = Nd4j.zeros(DataType.DOUBLE, batch, d);
        double[] covering = new double[pixels];
        for (int[] mask : masks[level]) {
            int[] columns = columns(mask);
            INDArray queryCrop = x.getColumns(columns);
            INDArray pointCrop = points.getColumns(columns);
            LocalComposite.Moments moments = LocalComposite.crop(queryCrop, pointCrop, coefficients, chunkRows);
            // a 0/1 scatter matrix puts crop column k back at image column columns[k] (exact: one product by 1 per entry)
            INDArray scatter = Nd4j.zeros(DataType.DOUBLE, columns.length, d);
            for (int k = 0; k < columns.length; k++) {
                scatter.putScalar(k, columns[k], 1.0);
            }
            INDArray meanPart = moments.mean().mmul(scatter);
            INDArray variancePart = moments.variance().mmul(scatter);
            sum.addi(meanPart);
            variance.addi(variancePart);
            // one pass makes megabytes per mask (the data's crop above all): freed now, or a step of 784 large
            // masks holds gigabytes until a collection (a Fashion-MNIST run with learned heat maps reached 24 GB)
            NativeArrays.release(queryCrop == x ? null : queryCrop, pointCrop == points ? null : pointCrop, scatter,
                    meanPart, variancePart, moments.mean(), moments.variance());
            for (int p : mask) {
                covering[p]++;
            }
        }
        return LocalComposite.average(sum, variance, covering, d);
    }

    /** The image columns of a pixel mask, channel-major: {@code c * H W + p}. */
    private int[] columns(int[] mask) {
        int[] columns = new int[channels * mask.length];
        for (int c = 0; c < channels; c++) {
            for (int k = 0; k < mask.length; k++) {
                columns[c * mask.length + k] = c * pixels + mask[k];
            }
        }
        return columns;
    }

    private static int[][] levelMasks(HeatMaps heat, int level, double tau, int width) {
        int pixels = heat.height() * heat.width();
        int[][] masks = new int[pixels][];
        boolean[] covered = new boolean[pixels];
        for (int p = 0; p < pixels; p++) {
            masks[p] = FlexMask.of(heat.map(level, p), tau);
            for (int q : masks[p]) {
                covered[q] = true;
            }
        }
        for (int q = 0; q < pixels; q++) {
            if (!covered[q]) {
                throw new IllegalArgumentException("pixel (" + q / width + ", " + q % width + ") is in no mask at tau = " + tau
                        + " (schedule entry " + level + "): the heat maps leave it out of every patch");
            }
        }
        return masks;
    }

    @Override
    public ForwardProcess process() {
        return process;
    }

    @Override
    public int dimension() {
        return channels * pixels;
    }
}
