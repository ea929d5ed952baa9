package io.diffusim.model.data;

import static io.diffusim.model.data.FashionMnist.IMAGES_MAGIC;
import static io.diffusim.model.data.FashionMnist.LABELS_MAGIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.diffusim.config.DataSpec;
import io.diffusim.config.RunSpec;
import io.diffusim.config.SpecLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Data specs (docs/spec-reference.md {@code data}) through reference.conf into data sets, one test per kind. */
class DatasetsTest {

    private static final long SEED = 7;
    /** Float64 values copied or computed by the same formula. */
    private static final double EXACT_TOL = 1e-12;
    /** Sample mean of n = 4000 draws with std 0.1: std error 0.0016, so 0.01 is over six standard errors. */
    private static final double SAMPLE_MEAN_TOL = 0.01;
    /**
     * hd-uniform per-component sample mean over ~200 points with std 0.5 per coordinate: std error 0.035, so 0.2 is
     * over five standard errors, while means of a different mixture differ by ~N(0, 8) per coordinate.
     */
    private static final double COMPONENT_MEAN_TOL = 0.2;

    @TempDir
    Path dir;

    @Test
    void shouldGenerateTheRequestedNumberOfMoonsPoints() {
        Dataset moons = Datasets.from(data("kind = moons, n = 500"), SEED);

        assertThat(moons.size()).isEqualTo(500);
        assertThat(moons.dimension()).isEqualTo(2);
        assertThat(moons.labels()).hasSize(500);
        assertThat(moons.points().data().asDouble()).containsExactly(Moons.generate(500, SEED).points().data().asDouble());
    }

    @Test
    void shouldSplitOfTimesNPointsIntoDisjointPartsOfN() {
        Dataset part0 = Datasets.from(data("kind = line, n = 300, subset { part = 0, of = 2 }"), SEED);
        Dataset part1 = Datasets.from(data("kind = line, n = 300, subset { part = 1, of = 2 }"), SEED);
        INDArray all = Line.generate(600, SEED).points();

        assertThat(part0.size()).isEqualTo(300);
        assertThat(part1.size()).isEqualTo(300);
        assertThat(part1.points().data().asDouble()).containsExactly(
                all.get(NDArrayIndex.interval(300, 600), NDArrayIndex.all()).dup().data().asDouble());
        Set<String> seen = new HashSet<>();
        for (Dataset part : new Dataset[] {part0, part1}) {
            for (double[] row : part.points().toDoubleMatrix()) {
                assertThat(seen.add(Arrays.toString(row))).as("point %s in both parts", Arrays.toString(row)).isTrue();
            }
        }
    }

    @Test
    void shouldGenerateDinoCircleAndLineInTheirRanges() {
        Dataset dino = Datasets.from(data("kind = dino, n = 400"), SEED);
        Dataset circle = Datasets.from(data("kind = circle, n = 400"), SEED);
        Dataset line = Datasets.from(data("kind = line, n = 400"), SEED);

        assertThat(dino.size()).isEqualTo(400);
        assertThat(dino.dimension()).isEqualTo(2);
        // K21: on the radius-3 circle or at the origin, within the 0.09 jitter
        for (double[] p : circle.points().toDoubleMatrix()) {
            double r = Math.hypot(p[0], p[1]);
            assertThat(Math.abs(r - Circle.RADIUS) <= Circle.MAX_JITTER || r <= Circle.MAX_JITTER).as("radius %s", r).isTrue();
        }
        // uniform on [-2, 2] x [-4, 4]
        for (double[] p : line.points().toDoubleMatrix()) {
            assertThat(p[0]).isBetween(-2.0, 2.0);
            assertThat(p[1]).isBetween(-4.0, 4.0);
        }
    }

    @Test
    void shouldBuildMixturesFromScalarDiagonalAndFullCovariances() {
        DataSpec.Gmm spec = (DataSpec.Gmm) data("kind = gmm, n = 10, components = ["
                + "{ weight = 1, mean = [0, 0], cov = 0.5 },"
                + "{ weight = 2, mean = [1, 0], cov = [0.1, 0.2] },"
                + "{ weight = 1, mean = [0, 1], cov = [[2, 0.5], [0.5, 1]] } ]");
        GaussianMixture mixture = Datasets.mixture(spec, SEED);

        assertThat(mixture.weights()).containsExactly(new double[] {0.25, 0.5, 0.25}, within(EXACT_TOL));
        assertThat(mixture.means()[1]).containsExactly(1, 0);
        assertThat(mixture.covariances()[0]).isDeepEqualTo(new double[][] {{0.5, 0}, {0, 0.5}});
        assertThat(mixture.covariances()[1]).isDeepEqualTo(new double[][] {{0.1, 0}, {0, 0.2}});
        assertThat(mixture.covariances()[2]).isDeepEqualTo(new double[][] {{2, 0.5}, {0.5, 1}});
    }

    @Test
    void shouldDrawGmmDataFromTheSpecsMixture() {
        Dataset data = Datasets.from(data("kind = gmm, n = 4000, components = [ { mean = [3, -1], cov = 0.01 } ]"), SEED);

        assertThat(data.size()).isEqualTo(4000);
        assertThat(data.points().mean(0).toDoubleVector()).containsExactly(new double[] {3, -1}, within(SAMPLE_MEAN_TOL));
    }

    @Test
    void shouldDrawGeometryDataFromTheMixtureTheSeedBuilds() {
        DataSpec.Gmm spec = (DataSpec.Gmm) data("kind = gmm, n = 2000, geometry = hd-uniform, dim = 5");
        Dataset data = Datasets.from(spec, SEED);
        GaussianMixture mixture = Datasets.mixture(spec, SEED);

        assertThat(data.dimension()).isEqualTo(5);
        assertThat(mixture.components()).isEqualTo(10);
        assertThat(Datasets.mixture(spec, SEED).means()).isDeepEqualTo(mixture.means());
        assertThat(Datasets.mixture(spec, SEED + 1).means()[0]).isNotEqualTo(mixture.means()[0]);
        for (int k = 0; k < mixture.components(); k++) {
            int component = k;
            int[] rows = IntStream.range(0, data.size()).filter(i -> data.labels()[i] == component).toArray();
            assertThat(rows.length).isPositive();
            assertThat(data.points().getRows(rows).mean(0).toDoubleVector())
                    .as("sample mean of component %d", k).containsExactly(mixture.means()[k], within(COMPONENT_MEAN_TOL));
        }
    }

    @Test
    void shouldReadTheFirstNImagesOfTheChosenClassesAtTheSpecsScale() throws IOException {
        byte[] labels = {3, 0, 3, 9, 3};
        IdxFixtures.write(dir, "train-labels-idx1-ubyte.gz", IdxFixtures.idx(LABELS_MAGIC, new int[] {5}, labels));
        IdxFixtures.write(dir, "train-images-idx3-ubyte.gz",
                IdxFixtures.idx(IMAGES_MAGIC, new int[] {5, 28, 28}, IdxFixtures.images(5, 28, 28)));

        Dataset images = Datasets.from(data("kind = fashion-mnist, n = 2, classes = [3], scale = [0, 1], dir = \""
                + dir + "\""), SEED);

        assertThat(images.size()).isEqualTo(2);
        assertThat(images.imageShape()).containsExactly(1, 28, 28);
        assertThat(images.labels()).containsExactly(3, 3);
        // the second class-3 image is image 2, whose pixel 0 is 62 / 255 on [0, 1]
        assertThat(images.points().getDouble(1, 0)).isCloseTo(62 / 255.0, within(EXACT_TOL));
    }

    @Test
    void shouldReadCsvRowsOfTheRequestedPart() throws IOException {
        Files.writeString(dir.resolve("points.csv"), "x0,x1,label\n0,0,0\n1,10,1\n2,20,0\n3,30,1\n4,40,0\n");

        Dataset first = Datasets.from(data("kind = csv, n = 3, path = points.csv"), SEED);
        Dataset second = Datasets.from(data("kind = csv, n = 2, path = points.csv, subset { part = 1, of = 2 }"), SEED);

        assertThat(first.points().toDoubleMatrix()).isDeepEqualTo(new double[][] {{0, 0}, {1, 10}, {2, 20}});
        assertThat(second.points().toDoubleMatrix()).isDeepEqualTo(new double[][] {{2, 20}, {3, 30}});
        assertThat(second.labels()).containsExactly(0, 1);
    }

    private DataSpec data(String block) {
        RunSpec run = SpecLoader.parse("run { seed = " + SEED + ", analyses = [], data { " + block + " } }", dir);
        return run.data();
    }
}
