package io.diffusim.model.denoise;

import io.diffusim.model.Matmul;
import io.diffusim.model.data.Dataset;
import io.diffusim.model.process.ForwardProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.nd4j.linalg.api.buffer.DataType;
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
public final class PatchEmpiricalDenoiser implements Denoiser {

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
        if (request.dimension() != dimension()) {
            throw new IllegalArgumentException("request dimension " + request.dimension() + " != " + dimension());
        }
        INDArray x = request.x().castTo(DataType.DOUBLE);
        NoiseCoefficients coefficients = NoiseCoefficients.of(process, request);
        Map<Integer, List<Integer>> rowsBySize = new TreeMap<>();
        for (int i = 0; i < request.batch(); i++) {
            int size = Math.min(schedule.patchSize(coefficients.b(i) / coefficients.a(i)), Math.min(height, width));
            rowsBySize.computeIfAbsent(size, s -> new ArrayList<>()).add(i);
        }
        INDArray result;
        if (rowsBySize.size() == 1) {
            result = composite(x, coefficients, rowsBySize.keySet().iterator().next());
        } else {
            // rare mixed-time batch: one composite per patch size, then restore the row order
            List<INDArray> parts = new ArrayList<>();
            int[] order = new int[request.batch()];
            int next = 0;
            for (Map.Entry<Integer, List<Integer>> group : rowsBySize.entrySet()) {
                int[] rows = group.getValue().stream().mapToInt(Integer::intValue).toArray();
                parts.add(composite(x.getRows(rows), coefficients.rows(rows), group.getKey()));
                for (int row : rows) {
                    order[row] = next++;
                }
            }
            result = Nd4j.vstack(parts.toArray(new INDArray[0])).getRows(order);
        }
        int d = dimension();
        return Prediction.ofX0(x, result.get(NDArrayIndex.all(), NDArrayIndex.interval(0, d)).dup('c'),
                coefficients.a(), coefficients.b()).withDivergence(coefficients.divergenceOfEps(d, result.getColumn(d, true)));
    }

    /** {@code [x0-hat, sum_p (1/n_p) sum_M Var_M[x0_p]]} as {@code [B, D + 1]}, for rows sharing patch size P. */
    private INDArray composite(INDArray x, NoiseCoefficients coefficients, int size) {
        int batch = (int) x.rows();
        if (augmentedWhole != null && size == height) {
            INDArray queries = EmpiricalPosterior.augmentQueries(x, coefficients, null, 1, 0);
            return EmpiricalPosterior.meanAndTrace(
                    EmpiricalPosterior.accumulate(queries, augmentedWhole, chunkRows).weightedMeans(), dimension());
        }
        INDArray images = x.reshape('c', batch, channels, height, width);
        INDArray sum = Nd4j.zeros(DataType.DOUBLE, batch, channels, height, width);
        INDArray variance = Nd4j.zeros(DataType.DOUBLE, batch, channels, height, width);
        double[] covering = new double[height * width];
        int crop = channels * size * size;
        for (int u : positions(height, size)) {
            for (int v : positions(width, size)) {
                INDArray pointCrop = square(pointImages, u, v, size).dup('c').reshape(pointImages.size(0), crop);
                INDArray queries = EmpiricalPosterior.augmentQueries(square(images, u, v, size).dup('c').reshape(batch, crop),
                        coefficients, null, 1, crop);
                INDArray means = EmpiricalPosterior.accumulate(queries,
                        EmpiricalPosterior.augmentPoints(pointCrop, null, null, 1, pointCrop.mul(pointCrop)), chunkRows).weightedMeans();
                INDArray mean = means.get(NDArrayIndex.all(), NDArrayIndex.interval(0, crop)).dup('c');
                INDArray second = means.get(NDArrayIndex.all(), NDArrayIndex.interval(crop + 2, 2 * crop + 2)).dup('c');
                square(variance, u, v, size).addi(second.subi(mean.mul(mean)).reshape('c', batch, channels, size, size));
                square(sum, u, v, size).addi(mean.reshape('c', batch, channels, size, size));
                for (int i = u; i < u + size; i++) {
                    for (int j = v; j < v + size; j++) {
                        covering[i * width + j]++;
                    }
                }
            }
        }
        double[] inverse = new double[dimension()];
        for (int k = 0; k < inverse.length; k++) {
            inverse[k] = 1 / covering[k % (height * width)];
        }
        INDArray inverseRow = Nd4j.create(inverse, new long[] {1, inverse.length}, DataType.DOUBLE);
        return Nd4j.hstack(sum.reshape('c', batch, dimension()).muliRowVector(inverseRow),
                Matmul.timesTransposed(variance.reshape('c', batch, dimension()), inverseRow));
    }

    /** Top-left corners 0, s, 2s, ... <= side - P, plus side - P itself so that every pixel is covered. */
    private int[] positions(int side, int size) {
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

    @Override
    public ForwardProcess process() {
        return process;
    }

    @Override
    public int dimension() {
        return channels * height * width;
    }
}
