package io.diffusim.config;

/**
 * A disjoint split of a data set (docs/spec-reference.md {@code data.subset}, docs/science.md §5.2): part {@code part}
 * of {@code of} equal parts, {@code 0 <= part < of}.
 */
public record Subset(int part, int of) {

    /** The whole data set. */
    public static final Subset ALL = new Subset(0, 1);
}
