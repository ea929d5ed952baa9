package io.diffusim.analysis.neighbour;

import io.diffusim.analysis.Matrices;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Exact k-nearest-neighbour distances from query points to a fixed reference set (docs/science.md §5.4, §7.5).
 *
 * <p>Results are ascending per query; a reference point identical to the query counts at distance 0, so
 * "excluding itself" is done by the caller as NPEET does: query k+1 and drop the first. Implementations are
 * immutable after construction and safe to query from several threads.
 */
public interface NeighbourSearch {

    /** Largest dimension for which {@link #euclidean} picks a k-d tree; beyond it pruning rarely pays off. */
    int KD_TREE_MAX_DIMENSION = 10;

    /** Ascending distances {@code [m][k]} from each row of {@code queries [m, d]} to its k nearest reference points. */
    double[][] nearestDistances(INDArray queries, int k);

    /** Number of reference points. */
    int size();

    /** Dimension of the reference points. */
    int dimension();

    /** Euclidean search over {@code reference [n, d]}: a k-d tree in low dimension, batched brute force otherwise. */
    static NeighbourSearch euclidean(INDArray reference) {
        if (reference.rank() == 2 && reference.columns() <= KD_TREE_MAX_DIMENSION) {
            return KdTree.build(Matrices.toMatrix(reference, "reference"), Metric.EUCLIDEAN);
        }
        return new BruteForceEuclidean(reference);
    }

    /** Checks {@code 1 ≤ k ≤ size()} and the query dimension, naming the bad value. */
    static void checkQuery(NeighbourSearch search, long queryDimension, int k) {
        if (k < 1 || k > search.size()) {
            throw new IllegalArgumentException("k = " + k + " must be in [1, " + search.size() + "]");
        }
        if (queryDimension != search.dimension()) {
            throw new IllegalArgumentException("query dimension " + queryDimension + " != reference dimension " + search.dimension());
        }
    }
}
