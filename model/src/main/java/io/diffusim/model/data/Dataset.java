package io.diffusim.model.data;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A training / reference set: points {@code [n, D]} in float64, optional integer labels (one per
 * point, or null), and for images the shape {@code (channels, height, width)} with
 * {@code D = channels*height*width} in channel-major order (or null for plain vectors).
 */
public record Dataset(String name, INDArray points, int[] labels, int[] imageShape) {

    public Dataset {
        if (points.rank() != 2) {
            throw new IllegalArgumentException("points must be an [n, D] matrix");
        }
        if (labels != null && labels.length != points.rows()) {
            throw new IllegalArgumentException("labels (" + labels.length + ") do not match points (" + points.rows() + ")");
        }
        if (imageShape != null && (imageShape.length != 3 || (long) imageShape[0] * imageShape[1] * imageShape[2] != points.columns())) {
            throw new IllegalArgumentException("image shape does not match dimension " + points.columns());
        }
    }

    public int size() {
        return (int) points.rows();
    }

    public int dimension() {
        return (int) points.columns();
    }
}
