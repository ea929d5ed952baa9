package io.diffusim.config;

import static io.diffusim.config.Fields.count;
import static io.diffusim.config.Fields.path;
import static io.diffusim.config.Fields.word;

import com.typesafe.config.ConfigValue;
import io.diffusim.config.DataSpec.Csv;
import io.diffusim.config.DataSpec.FashionMnist;
import io.diffusim.config.DataSpec.Gmm;
import io.diffusim.config.DataSpec.Interval;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The HOCON form of {@link DataSpec} ({@code run.data}, docs/spec-reference.md). */
final class DataCodec {

    /** Fashion-MNIST has ten classes, labelled 0..9. */
    private static final int CLASSES = 10;

    private DataCodec() {
    }

    /** The data set of a {@code data} block, or null when its kind is missing or unknown (errors recorded). */
    static DataSpec read(Block b) {
        Reference reference = b.context().reference();
        b.declare("geometry", reference.object("geometry-defaults"));
        Optional<DataSpec.Kind> kind = b.variant("kind", DataSpec.Kind.class, reference.object("data-defaults"), true);
        int n = count(b, "n", Limits.DATA_POINTS);
        Subset subset = subset(b.child("subset"));
        DataSpec spec = kind.map(k -> switch (k) {
            case MOONS -> new DataSpec.Moons(n, subset);
            case DINO -> new DataSpec.Dino(n, subset);
            case CIRCLE -> new DataSpec.Circle(n, subset);
            case LINE -> new DataSpec.Line(n, subset);
            case GMM -> GmmCodec.read(b, n, subset);
            case FASHION_MNIST -> new FashionMnist(n, subset, path(b, "dir"), word(b, "split", DataSpec.Split.class),
                    classes(b), scale(b));
            case CSV -> new Csv(n, subset, path(b, "path"));
            case IDX -> new DataSpec.Idx(n, subset, path(b, "path"), word(b, "layout", DataSpec.Layout.class), scale(b));
            case PNG -> new DataSpec.Png(n, subset, path(b, "dir"), scale(b));
            case NPY -> new DataSpec.Npy(n, subset, path(b, "path"), word(b, "layout", DataSpec.Layout.class), scale(b));
        }).orElse(null);
        b.finish();
        return spec;
    }

    static Map<String, Object> write(DataSpec data) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", data.kind());
        out.put("n", data.n());
        Map<String, Object> subset = new LinkedHashMap<>();
        subset.put("part", data.subset().part());
        subset.put("of", data.subset().of());
        out.put("subset", subset);
        if (data instanceof Gmm gmm) {
            GmmCodec.write(gmm, out);
        } else if (data instanceof FashionMnist fashion) {
            out.put("dir", fashion.dir());
            out.put("split", fashion.split());
            out.put("classes", fashion.classes());
            out.put("scale", scale(fashion.scale()));
        } else if (data instanceof Csv csv) {
            out.put("path", csv.path());
        } else if (data instanceof DataSpec.Idx idx) {
            out.put("path", idx.path());
            out.put("layout", idx.layout());
            out.put("scale", scale(idx.scale()));
        } else if (data instanceof DataSpec.Png png) {
            out.put("dir", png.dir());
            out.put("scale", scale(png.scale()));
        } else if (data instanceof DataSpec.Npy npy) {
            out.put("path", npy.path());
            out.put("layout", npy.layout());
            out.put("scale", scale(npy.scale()));
        }
        return out;
    }

    private static Subset subset(Block b) {
        int part = count(b, "part", IntRange.NON_NEGATIVE);
        int of = count(b, "of", IntRange.POSITIVE);
        if (part >= of) {
            b.error("part", "expected an integer < subset.of = " + of);
        }
        b.finish();
        return new Subset(part, of);
    }

    private static List<Integer> classes(Block b) {
        return b.read("classes", DataCodec::labels, labels -> labels.stream().distinct().count() == labels.size(),
                "a list of distinct class labels in [0, " + (CLASSES - 1) + "] (empty = all)", List.of());
    }

    private static Optional<List<Integer>> labels(ConfigValue value) {
        return Fields.numbers(value, new NumberRange(0, false, CLASSES - 1, false))
                .filter(xs -> xs.stream().allMatch(x -> x == Math.rint(x)))
                .map(xs -> xs.stream().map(Double::intValue).toList());
    }

    private static List<Double> scale(Interval scale) {
        return List.of(scale.lo(), scale.hi());
    }

    private static Interval scale(Block b) {
        List<Double> ends = b.read("scale", v -> Fields.numbers(v, NumberRange.ANY),
                xs -> xs.size() == 2 && xs.get(0) < xs.get(1), "[lo, hi] with lo < hi", List.of(-1.0, 1.0));
        return new Interval(ends.get(0), ends.get(1));
    }
}
