package io.diffusim.analysis.neighbour;

import io.diffusim.analysis.Matrices;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Exact k-nearest-neighbour search in a balanced k-d tree under the L∞ or L2 metric (docs/science.md §7.5, as
 * scipy/sklearn KDTree with {@code metric="chebyshev"} in NPEET).
 *
 * <p>The tree is implicit: points are reordered in one flat array so that the node over {@code [lo, hi)} holds
 * its splitting point at {@code mid = (lo + hi) >>> 1}, smaller coordinates to the left and larger to the right.
 * Queries run in parallel over chunks of query points.
 */
public final class KdTree implements NeighbourSearch {

    private static final int LEAF_SIZE = 12;
    private static final int QUERY_CHUNK = 1024;

    private final Metric metric;
    private final int n;
    private final int d;
    private final double[] coords;
    private final int[] splitDim;

    private KdTree(double[][] points, Metric metric) {
        this.metric = metric;
        this.d = Matrices.requireRectangular(points, "points");
        Matrices.requireFinite(points, "points");
        this.n = points.length;
        this.coords = new double[n * d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(points[i], 0, coords, i * d, d);
        }
        this.splitDim = new int[n];
        build(0, n);
    }

    /** Builds the tree over a copy of {@code points [n][d]} (finite, rectangular, n ≥ 1). */
    public static KdTree build(double[][] points, Metric metric) {
        if (metric == null) {
            throw new IllegalArgumentException("metric must not be null");
        }
        return new KdTree(points, metric);
    }

    @Override
    public int size() {
        return n;
    }

    @Override
    public int dimension() {
        return d;
    }

    @Override
    public double[][] nearestDistances(INDArray queries, int k) {
        return nearestDistances(Matrices.toMatrix(queries, "queries"), k);
    }

    /** Ascending distances {@code [m][k]} from each query row to its k nearest points of the tree. */
    public double[][] nearestDistances(double[][] queries, int k) {
        NeighbourSearch.checkQuery(this, Matrices.requireRectangular(queries, "queries"), k);
        Matrices.requireFinite(queries, "queries");
        double[][] out = new double[queries.length][];
        int chunks = (queries.length + QUERY_CHUNK - 1) / QUERY_CHUNK;
        IntStream.range(0, chunks).parallel().forEach(c -> {
            NearestList nearest = new NearestList(k);
            for (int i = c * QUERY_CHUNK, end = Math.min(queries.length, i + QUERY_CHUNK); i < end; i++) {
                nearest.clear();
                search(0, n, queries[i], nearest);
                out[i] = nearest.toArray(metric == Metric.EUCLIDEAN);
            }
        });
        return out;
    }

    // Euclidean distances are compared squared and rooted once at the end.
    private double distance(int row, double[] q) {
        int base = row * d;
        double acc = 0.0;
        if (metric == Metric.CHEBYSHEV) {
            for (int j = 0; j < d; j++) {
                acc = Math.max(acc, Math.abs(coords[base + j] - q[j]));
            }
        } else {
            for (int j = 0; j < d; j++) {
                double diff = coords[base + j] - q[j];
                acc += diff * diff;
            }
        }
        return acc;
    }

    private void search(int lo, int hi, double[] q, NearestList nearest) {
        if (hi - lo <= LEAF_SIZE) {
            for (int i = lo; i < hi; i++) {
                nearest.offer(distance(i, q));
            }
            return;
        }
        int mid = (lo + hi) >>> 1;
        nearest.offer(distance(mid, q));
        double diff = q[splitDim[mid]] - coords[mid * d + splitDim[mid]];
        boolean leftFirst = diff < 0;
        search(leftFirst ? lo : mid + 1, leftFirst ? mid : hi, q, nearest);
        double planeDistance = metric == Metric.CHEBYSHEV ? Math.abs(diff) : diff * diff;
        if (planeDistance < nearest.worst()) {
            search(leftFirst ? mid + 1 : lo, leftFirst ? hi : mid, q, nearest);
        }
    }

    // Split on the coordinate of largest spread, at the median, so the tree stays balanced.
    private void build(int lo, int hi) {
        if (hi - lo <= LEAF_SIZE) {
            return;
        }
        int mid = (lo + hi) >>> 1;
        int dim = widestDimension(lo, hi);
        splitDim[mid] = dim;
        select(lo, hi, mid, dim);
        build(lo, mid);
        build(mid + 1, hi);
    }

    private int widestDimension(int lo, int hi) {
        int best = 0;
        double bestSpread = -1.0;
        for (int j = 0; j < d; j++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = lo; i < hi; i++) {
                double v = coords[i * d + j];
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            if (max - min > bestSpread) {
                bestSpread = max - min;
                best = j;
            }
        }
        return best;
    }

    // Quickselect with a three-way partition, so runs of equal coordinates (duplicates) stay linear.
    private void select(int lo, int hi, int kth, int dim) {
        while (hi - lo > 1) {
            double pivot = medianOfThree(coords[lo * d + dim], coords[((lo + hi) >>> 1) * d + dim], coords[(hi - 1) * d + dim]);
            int lt = lo;
            int i = lo;
            int gt = hi - 1;
            while (i <= gt) {
                double v = coords[i * d + dim];
                if (v < pivot) {
                    swap(lt++, i++);
                } else if (v > pivot) {
                    swap(i, gt--);
                } else {
                    i++;
                }
            }
            if (kth < lt) {
                hi = lt;
            } else if (kth > gt) {
                lo = gt + 1;
            } else {
                return;
            }
        }
    }

    private static double medianOfThree(double a, double b, double c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }

    private void swap(int a, int b) {
        for (int j = 0; j < d; j++) {
            double t = coords[a * d + j];
            coords[a * d + j] = coords[b * d + j];
            coords[b * d + j] = t;
        }
    }
}
