package io.diffusim.analysis.neighbour;

import io.diffusim.model.Matmul;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Exact Euclidean k-nearest-neighbour distances by blocks of {@code ‖q‖² + ‖r‖² − 2 q·r} computed with one
 * matrix product each, for high-dimensional points where k-d trees cannot prune (docs/science.md §5.4).
 *
 * <p>The expansion loses absolute precision of about {@code 1e-16·‖x‖²} in the squared distance, so
 * coincident points report distances near {@code 1e-8·‖x‖} rather than exactly 0.
 */
public final class BruteForceEuclidean implements NeighbourSearch {

    private static final int QUERY_BLOCK = 256;
    private static final int REFERENCE_BLOCK = 4096;

    private final int n;
    private final int d;
    private final List<INDArray> blocksTransposed = new ArrayList<>();
    private final List<INDArray> blockSquaredNorms = new ArrayList<>();

    /** Indexes a copy of {@code reference [n, d]}, split into blocks of {@value #REFERENCE_BLOCK} rows. */
    public BruteForceEuclidean(INDArray reference) {
        if (reference == null || reference.rank() != 2 || reference.rows() == 0 || reference.columns() == 0) {
            throw new IllegalArgumentException("reference must be a non-empty [n, d] matrix, got "
                    + (reference == null ? "null" : java.util.Arrays.toString(reference.shape())));
        }
        this.n = (int) reference.rows();
        this.d = (int) reference.columns();
        INDArray ref = reference.castTo(DataType.DOUBLE);
        for (int lo = 0; lo < n; lo += REFERENCE_BLOCK) {
            INDArray block = ref.get(NDArrayIndex.interval(lo, Math.min(n, lo + REFERENCE_BLOCK)), NDArrayIndex.all());
            blocksTransposed.add(block.transpose().dup('c'));
            blockSquaredNorms.add(block.mul(block).sum(true, 1).reshape(1, block.rows()));
        }
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
        if (queries == null || queries.rank() != 2) {
            throw new IllegalArgumentException("queries must be an [m, d] matrix");
        }
        NeighbourSearch.checkQuery(this, queries.columns(), k);
        INDArray q = queries.castTo(DataType.DOUBLE);
        int m = (int) q.rows();
        double[][] out = new double[m][];
        NearestList[] nearest = new NearestList[Math.min(m, QUERY_BLOCK)];
        for (int i = 0; i < nearest.length; i++) {
            nearest[i] = new NearestList(k);
        }
        for (int lo = 0; lo < m; lo += QUERY_BLOCK) {
            int rows = Math.min(m, lo + QUERY_BLOCK) - lo;
            INDArray block = q.get(NDArrayIndex.interval(lo, lo + rows), NDArrayIndex.all()).dup('c');
            INDArray blockNorms = block.mul(block).sum(true, 1).reshape(rows, 1);
            for (int i = 0; i < rows; i++) {
                nearest[i].clear();
            }
            for (int b = 0; b < blocksTransposed.size(); b++) {
                INDArray squared = Matmul.times(block, blocksTransposed.get(b));
                squared.muli(-2.0).addiColumnVector(blockNorms).addiRowVector(blockSquaredNorms.get(b));
                offerRows(squared, rows, nearest);
            }
            for (int i = 0; i < rows; i++) {
                out[lo + i] = nearest[i].toArray(true);
            }
        }
        return out;
    }

    // One bulk copy to the heap, read through the strides (mmul may return 'f' order).
    private static void offerRows(INDArray squared, int rows, NearestList[] nearest) {
        double[] flat = squared.data().asDouble();
        int cols = (int) squared.columns();
        long offset = squared.offset();
        long rowStride = squared.stride(0);
        long colStride = squared.stride(1);
        for (int i = 0; i < rows; i++) {
            NearestList list = nearest[i];
            for (int j = 0; j < cols; j++) {
                list.offer(flat[(int) (offset + i * rowStride + j * colStride)]);
            }
        }
    }
}
