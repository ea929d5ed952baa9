package io.diffusim.model.data;

import java.util.Arrays;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Part {@code p} of {@code of} disjoint equal parts of a data set, in order: rows {@code [p n, (p+1) n)} with
 * {@code n = size / of} (docs/science.md §5.2, docs/spec-reference.md {@code data.subset}; generate {@code of * n} points first).
 */
public final class Subset {

    private Subset() {
    }

    /** The part named by a spec subset. */
    public static Dataset of(Dataset data, io.diffusim.config.Subset subset) {
        return of(data, subset.part(), subset.of());
    }

    /** Rows {@code [part n, (part+1) n)} of the data, {@code n = size / of}; a remainder is dropped. */
    public static Dataset of(Dataset data, int part, int of) {
        if (of < 1) {
            throw new IllegalArgumentException("number of parts must be >= 1, got " + of);
        }
        if (part < 0 || part >= of) {
            throw new IllegalArgumentException("part must be in [0, " + of + "), got " + part);
        }
        if (data.size() < of) {
            throw new IllegalArgumentException("cannot split " + data.size() + " points into " + of + " parts");
        }
        if (of == 1) {
            return data;
        }
        int n = data.size() / of;
        int from = part * n;
        int[] labels = data.labels() == null ? null : Arrays.copyOfRange(data.labels(), from, from + n);
        return new Dataset(data.name() + "[" + part + "/" + of + "]",
                data.points().get(NDArrayIndex.interval(from, from + n), NDArrayIndex.all()).dup(),
                labels, data.imageShape());
    }
}
