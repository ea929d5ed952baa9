package io.diffusim.model.data;

import io.diffusim.config.DataSpec;
import io.diffusim.config.GmmComponent;
import io.diffusim.config.GmmComponent.Diagonal;
import io.diffusim.config.GmmComponent.Full;
import io.diffusim.config.GmmComponent.Isotropic;
import java.nio.file.Files;
import java.util.List;

/**
 * The one factory from a data spec to a data set (docs/spec-reference.md {@code data}; generators of docs/science.md §7.1 and §5.2).
 *
 * <p>{@code n} is the size of one part: {@code n * of} points are generated or loaded (the first ones of a file)
 * and part {@code p} of the {@code of} disjoint equal parts is returned, so parts of one seed never share a point
 * (docs/science.md §5.2: "draw 2n points, split into A and B"). With the default {@code subset { part = 0, of = 1 }}
 * this is simply the first n points.
 */
public final class Datasets {

    /**
     * Mixed into the seed of a geometry's random parameters (angles, means, bases), so that they and the points
     * drawn from the mixture come from unrelated streams of the same run seed.
     */
    private static final long GEOMETRY_STREAM = 0x6A09E667F3BCC909L;

    private Datasets() {
    }

    /** The data set of a spec: all {@code n * of} points from the seed, then the spec's part; files read anywhere. */
    public static Dataset from(DataSpec spec, long seed) {
        return from(spec, seed, DataFiles.anywhere());
    }

    /** As {@link #from(DataSpec, long)}, every data file opened through {@code files} (the daemon's roots). */
    public static Dataset from(DataSpec spec, long seed, DataFiles files) {
        int total = total(spec);
        Dataset all;
        if (spec instanceof DataSpec.Moons) {
            all = Moons.generate(total, seed);
        } else if (spec instanceof DataSpec.Dino) {
            all = Dino.generate(total, seed);
        } else if (spec instanceof DataSpec.Circle) {
            all = Circle.generate(total, seed);
        } else if (spec instanceof DataSpec.Line) {
            all = Line.generate(total, seed);
        } else if (spec instanceof DataSpec.Gmm gmm) {
            all = MixtureSampler.sample(mixture(gmm, seed), total, seed);
        } else if (spec instanceof DataSpec.FashionMnist images) {
            all = FashionMnist.read(images.dir(), images.split(), total, images.classes(), images.scale().lo(),
                    images.scale().hi(), files);
        } else if (spec instanceof DataSpec.Csv csv) {
            all = CsvDataset.read(csv.path(), total, files);
        } else if (spec instanceof DataSpec.Idx idx) {
            all = IdxImages.read(idx.path(), total, idx.layout(), idx.scale().lo(), idx.scale().hi(), files);
        } else if (spec instanceof DataSpec.Png png) {
            all = PngFolder.read(png.dir(), total, png.scale().lo(), png.scale().hi(), files);
        } else if (spec instanceof DataSpec.Npy npy) {
            all = NpyImages.read(npy.path(), total, npy.layout(), npy.scale().lo(), npy.scale().hi(), files);
        } else {
            throw new IllegalArgumentException("unknown data kind " + spec.kind());
        }
        return Subset.of(all, spec.subset());
    }

    /**
     * Checks, before anything is loaded, that the files {@code spec} names may be opened through a confined
     * {@code files} (the daemon refuses a spec whose files may not be read at submit); unconfined, nothing is checked.
     *
     * @throws DataFormatException naming the file and why not
     */
    public static void requireFiles(DataSpec spec, DataFiles files) {
        if (files.roots() == null) {
            return;
        }
        if (spec instanceof DataSpec.FashionMnist images && Files.exists(images.dir())) {
            files.requireDirectory(images.dir());
        } else if (spec instanceof DataSpec.Csv csv) {
            files.requireFile(csv.path(), CsvDataset.MAX_BYTES);
        } else if (spec instanceof DataSpec.Idx idx) {
            files.requireFile(idx.path(), DataFiles.MAX_BYTES);
        } else if (spec instanceof DataSpec.Png png) {
            files.requireDirectory(png.dir());
        } else if (spec instanceof DataSpec.Npy npy) {
            files.requireFile(npy.path(), DataFiles.MAX_BYTES);
        }
    }

    /**
     * The mixture a gmm spec describes: its explicit components (weights normalised to sum 1) or its geometry built
     * from the seed. {@link #from} draws the data from exactly this mixture, so the exact denoiser of docs/science.md §3.1
     * built from it is the posterior of the data's own distribution.
     */
    public static GaussianMixture mixture(DataSpec.Gmm spec, long seed) {
        if (spec.geometry().isPresent()) {
            return Geometries.build(spec.geometry().get(), spec.dim(), seed ^ GEOMETRY_STREAM);
        }
        List<GmmComponent> components = spec.components();
        if (components.isEmpty()) {
            throw new IllegalArgumentException("a gmm data spec needs components or a geometry, got neither");
        }
        int k = components.size();
        double totalWeight = components.stream().mapToDouble(GmmComponent::weight).sum();
        double[] weights = new double[k];
        double[][] means = new double[k][];
        double[][][] covariances = new double[k][][];
        for (int c = 0; c < k; c++) {
            GmmComponent component = components.get(c);
            weights[c] = component.weight() / totalWeight;
            means[c] = component.mean().stream().mapToDouble(Double::doubleValue).toArray();
            covariances[c] = covariance(component.cov(), component.dim());
        }
        return new GaussianMixture(weights, means, covariances);
    }

    private static double[][] covariance(GmmComponent.Covariance cov, int dim) {
        if (cov instanceof Isotropic isotropic) {
            return GaussianMixture.isotropicCovariance(dim, isotropic.variance());
        }
        if (cov instanceof Diagonal diagonal) {
            return GaussianMixture.diagonalCovariance(diagonal.variances().stream().mapToDouble(Double::doubleValue).toArray());
        }
        return ((Full) cov).rows().stream()
                .map(row -> row.stream().mapToDouble(Double::doubleValue).toArray())
                .toArray(double[][]::new);
    }

    /** {@code n * of}, the points behind all parts. */
    private static int total(DataSpec spec) {
        try {
            return Math.multiplyExact(spec.n(), spec.subset().of());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("data.n = " + spec.n() + " times subset.of = " + spec.subset().of()
                    + " points exceed " + Integer.MAX_VALUE, e);
        }
    }
}
