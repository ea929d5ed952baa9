package io.diffusim.actors.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.diffusim.analysis.metric.KnnKl;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code metric kl|w1} (docs/user-guide.md "Metrics on external samples"): the analyses' estimators on two CSVs. */
class MetricCommandTest {

    private static final double SAME_ESTIMATE = 1e-12;

    @TempDir
    Path dir;

    private static JsonNode json(Cli result) throws IOException {
        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.OK);
        return new ObjectMapper().readTree(result.out());
    }

    private static double[][] gaussian(Random random, int n, double shift) {
        double[][] points = new double[n][2];
        for (double[] p : points) {
            p[0] = random.nextGaussian() + shift;
            p[1] = random.nextGaussian();
        }
        return points;
    }

    @Test
    void shouldPrintTheKnnKlOfTheAnalyses() throws IOException {
        Random random = new Random(3);
        double[][] x = gaussian(random, 120, 0);
        double[][] y = gaussian(random, 90, 0.5);
        Path reference = SpecFiles.points(dir, "x.csv", x);
        Path samples = SpecFiles.points(dir, "y.csv", y);
        JsonNode printed = json(Cli.run("metric", "kl", "--reference", reference.toString(), "--samples", samples.toString(),
                "--k", "4"));
        assertThat(printed.size()).isEqualTo(1);
        assertThat(printed.get("kl").asDouble()).isCloseTo(KnnKl.estimate(x, y, 4, KnnKl.DEFAULT_BASE), within(SAME_ESTIMATE));
        JsonNode defaults = json(Cli.run("metric", "kl", "--reference", reference.toString(), "--samples", samples.toString()));
        assertThat(defaults.get("kl").asDouble()).isCloseTo(KnnKl.estimate(x, y), within(SAME_ESTIMATE));
    }

    @Test
    void shouldPrintTheW1OfTheCrossedMatching() throws IOException {
        // docs/science.md K22: W1 = 1.0, the crossed matching
        Path a = SpecFiles.points(dir, "a.csv", new double[][] {{0, 0}, {2, 0}});
        Path b = SpecFiles.points(dir, "b.csv", new double[][] {{2, 1}, {0, 1}});
        JsonNode printed = json(Cli.run("metric", "w1", "--reference", a.toString(), "--samples", b.toString()));
        assertThat(printed.get("w1").asDouble()).isCloseTo(1.0, within(SAME_ESTIMATE));
    }

    @Test
    void shouldRejectKNotBelowTheSmallerSetSize() {
        Path a = SpecFiles.points(dir, "a.csv", new double[][] {{0, 0}, {2, 0}, {1, 1}});
        Path b = SpecFiles.points(dir, "b.csv", new double[][] {{2, 1}, {0, 1}});
        BadInputTest.assertBadInput(Cli.run("metric", "kl", "--reference", a.toString(), "--samples", b.toString(),
                "--k", "2"), "--k 2");
    }

    @Test
    void shouldRejectPointSetsOfDifferentDimension() {
        Path a = SpecFiles.points(dir, "a.csv", new double[][] {{0, 0}, {2, 0}});
        Path b = SpecFiles.points(dir, "b.csv", new double[][] {{2}, {0}});
        BadInputTest.assertBadInput(Cli.run("metric", "w1", "--reference", a.toString(), "--samples", b.toString()),
                "--reference", "--samples");
    }
}
