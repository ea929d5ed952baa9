package io.diffusim.model.denoise;

import io.diffusim.model.data.Dataset;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Horizontal-flip augmentation of an image set, appended after the originals (docs/science.md §3.2, PSPC default on). */
public final class HorizontalFlip {

    private HorizontalFlip() {
    }

    /** The set followed by its mirror images (width axis reversed); labels are repeated. */
    public static Dataset augment(Dataset data) {
        if (data.imageShape() == null) {
            throw new IllegalArgumentException("data set " + data.name() + " has no image shape to flip");
        }
        int[] labels = data.labels() == null ? null : repeat(data.labels());
        return new Dataset(data.name() + "+xflip", augment(data.points(), data.imageShape()), labels, data.imageShape());
    }

    /** Points {@code [n, C*H*W]} in channel-major order, followed by their mirror images: {@code [2n, C*H*W]}. */
    public static INDArray augment(INDArray points, int[] imageShape) {
        if (imageShape == null || imageShape.length != 3
                || (long) imageShape[0] * imageShape[1] * imageShape[2] != points.columns()) {
            throw new IllegalArgumentException("image shape " + Arrays.toString(imageShape)
                    + " does not match dimension " + points.columns());
        }
        int n = (int) points.rows();
        int width = imageShape[2];
        INDArray images = points.castTo(DataType.DOUBLE).reshape('c', n, imageShape[0], imageShape[1], width);
        INDArray flipped = Nd4j.create(DataType.DOUBLE, n, imageShape[0], imageShape[1], width);
        // one strided copy per image column; widths are small
        for (int w = 0; w < width; w++) {
            flipped.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(w))
                    .assign(images.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(width - 1 - w)));
        }
        return Nd4j.vstack(points.castTo(DataType.DOUBLE), flipped.reshape('c', n, points.columns()));
    }

    private static int[] repeat(int[] labels) {
        int[] twice = Arrays.copyOf(labels, 2 * labels.length);
        System.arraycopy(labels, 0, twice, labels.length, labels.length);
        return twice;
    }
}
