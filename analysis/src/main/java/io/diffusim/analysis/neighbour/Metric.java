package io.diffusim.analysis.neighbour;

/** The distance a neighbour search ranks by: Chebyshev (L∞, docs/science.md §7.5) or Euclidean (L2, §0 "Norms"). */
public enum Metric {
    /** {@code max_j |x_j − y_j|}. */
    CHEBYSHEV,
    /** {@code sqrt(Σ_j (x_j − y_j)²)}. */
    EUCLIDEAN
}
