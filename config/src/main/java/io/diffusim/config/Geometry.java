package io.diffusim.config;

/** The synthetic Gaussian-mixture geometries of docs/science.md §5.2. */
public enum Geometry {
    UNIFORM_2D,
    SHARPCOV_2D,
    SPIRAL_2D,
    HD_UNIFORM,
    HD_SHARPCOV,
    THIN_MANIFOLD;

    /** True for the geometries whose ambient dimension is configurable ({@code dim}, default 100). */
    public boolean highDimensional() {
        return this == HD_UNIFORM || this == HD_SHARPCOV || this == THIN_MANIFOLD;
    }
}
