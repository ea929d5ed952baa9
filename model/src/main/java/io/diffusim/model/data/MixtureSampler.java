package io.diffusim.model.data;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * i.i.d. draws from a Gaussian mixture (docs/science.md §3.1, §5.2): a component per point from the weights, then
 * {@code mu_k + F_k z} with {@code F_k} a root of {@code Sigma_k}; labels are the component indices.
 */
public final class MixtureSampler {

    private MixtureSampler() {
    }

    /** n points from the seed. */
    public static Dataset sample(GaussianMixture mixture, int n, long seed) {
        return sample(mixture, n, new SplittableRandom(seed));
    }

    /** n points; draw order: all component indices, then the standard normals row by row grouped by component. */
    public static Dataset sample(GaussianMixture mixture, int n, SplittableRandom random) {
        Points.requireCount(n);
        int k = mixture.components();
        int d = mixture.dimension();
        int[] labels = new int[n];
        int[] counts = new int[k];
        for (int i = 0; i < n; i++) {
            labels[i] = component(mixture.weights(), random.nextDouble());
            counts[labels[i]]++;
        }
        // points are built grouped by component (one matrix product per component), then put back in draw order
        int[] start = new int[k];
        for (int c = 1; c < k; c++) {
            start[c] = start[c - 1] + counts[c - 1];
        }
        int[] next = start.clone();
        int[] grouped = new int[n];
        for (int i = 0; i < n; i++) {
            grouped[i] = next[labels[i]]++;
        }
        INDArray points = Points.matrix(Points.normal(random, n * d, 1), n, d);
        for (int c = 0; c < k; c++) {
            if (counts[c] > 0) {
                INDArray block = points.get(NDArrayIndex.interval(start[c], start[c] + counts[c]), NDArrayIndex.all());
                INDArray mean = Points.matrix(mixture.means()[c], 1, d);
                block.assign(block.mmul(CovarianceRoot.transposed(mixture.covariances()[c], c)).addiRowVector(mean));
            }
        }
        // a plain copy: INDArray.getRows costs one op per row
        double[] byComponent = points.data().asDouble();
        double[] inDrawOrder = new double[n * d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(byComponent, grouped[i] * d, inDrawOrder, i * d, d);
        }
        return new Dataset("gmm", Points.matrix(inDrawOrder, n, d), labels, null);
    }

    /** The component whose cumulative-weight interval holds u (the last positive weight absorbs round-off). */
    private static int component(double[] weights, double u) {
        double cumulative = 0;
        int last = 0;
        for (int c = 0; c < weights.length; c++) {
            if (weights[c] > 0) {
                cumulative += weights[c];
                last = c;
                if (u < cumulative) {
                    return c;
                }
            }
        }
        return last;
    }
}
