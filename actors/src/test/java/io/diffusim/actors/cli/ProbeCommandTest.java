package io.diffusim.actors.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.diffusim.model.data.CsvDataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code probe SPEC --points IN.csv --t T --out OUT.csv} (docs/user-guide.md "Probing a denoiser"). */
class ProbeCommandTest {

    /** docs/science.md K3 is quoted to six decimals. */
    private static final double K3_TOLERANCE = 1e-6;
    /** docs/science.md K10: the quadrature's mean within 1e-3 of t*, its variance within 0.5% and E within 1e-3. */
    private static final double K10_MEAN_REL_TOL = 1e-3;
    private static final double K10_VAR_REL_TOL = 0.005;
    private static final double K10_ERROR_ABS_TOL = 1e-3;

    @TempDir
    Path dir;

    /** Two data points -1 and +1 (docs/science.md K3) under the given process, optimal empirical denoiser. */
    private Path twoPointSpec(String process, String sampler) {
        SpecFiles.write(dir, "two.csv", "x0\n-1\n1\n");
        return SpecFiles.write(dir, "k3.conf", """
                run {
                  data { kind = csv, path = "two.csv" }
                  process { %s }
                  model { kind = empirical }
                  sampler { kind = %s }
                }
                """.formatted(process, sampler));
    }

    private Path points(double... y) {
        double[][] rows = new double[y.length][];
        for (int i = 0; i < y.length; i++) {
            rows[i] = new double[] {y[i]};
        }
        return SpecFiles.points(dir, "in.csv", rows);
    }

    @Test
    void shouldGiveTheTwoPointPosteriorMeanOfK3() throws IOException {
        Path out = dir.resolve("out.csv");
        Cli result = Cli.run("probe", twoPointSpec("kind = ve", "euler").toString(), "--points", points(0.5, -0.5).toString(),
                "--t", "1", "--out", out.toString());
        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.OK);
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("x0_0,eps_0,score_0");
        // docs/science.md K3: VE sigma = 1, y = 0.5 -> E[x0 | y] = tanh(y / sigma^2) = 0.462117
        assertThat(Double.parseDouble(lines.get(1).split(",")[0])).isCloseTo(0.462117, within(K3_TOLERANCE));
        assertThat(Double.parseDouble(lines.get(2).split(",")[0])).isCloseTo(-0.462117, within(K3_TOLERANCE));
    }

    @Test
    void shouldEvaluateEachRowAtItsOwnNoiseLevelFromATColumn() throws IOException {
        Path mixed = SpecFiles.write(dir, "mixed.csv", "t,x0\n1,0.5\n2,0.5\n0.5,-0.25\n");
        Path out = dir.resolve("out.csv");
        Cli result = Cli.run("probe", twoPointSpec("kind = ve", "euler").toString(), "--points", mixed.toString(),
                "--out", out.toString());
        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.OK);
        List<String> lines = Files.readAllLines(out);
        // docs/science.md K3 per row: E[x0 | y] = tanh(y / sigma^2) at sigma = 1, 2, 0.5
        assertThat(lines.get(0)).isEqualTo("x0_0,eps_0,score_0");
        assertThat(Double.parseDouble(lines.get(1).split(",")[0])).isCloseTo(Math.tanh(0.5), within(K3_TOLERANCE));
        assertThat(Double.parseDouble(lines.get(2).split(",")[0])).isCloseTo(Math.tanh(0.125), within(K3_TOLERANCE));
        assertThat(Double.parseDouble(lines.get(3).split(",")[0])).isCloseTo(Math.tanh(-1.0), within(K3_TOLERANCE));
    }

    @Test
    void shouldNameTheRowOfABadTimeInTheTColumnAndRefuseItWithT() {
        Path mixed = SpecFiles.write(dir, "mixed.csv", "x0,t\n0.5,1\n0.5,-3\n");
        Path spec = twoPointSpec("kind = ve", "euler");
        Cli bad = Cli.run("probe", spec.toString(), "--points", mixed.toString(), "--out", dir.resolve("out.csv").toString());
        Cli both = Cli.run("probe", spec.toString(), "--points", mixed.toString(), "--t", "1", "--out", dir.resolve("out.csv").toString());
        BadInputTest.assertBadInput(bad, "row 2, column t = -3.0", "a sigma in (0, 80");
        BadInputTest.assertBadInput(both, "--t and the column t", "exclude each other");
    }

    @Test
    void shouldRejectAVpTimeThatIsNotAnIntegerStep() {
        Cli result = Cli.run("probe", twoPointSpec("kind = vp", "ddpm").toString(), "--points", points(0.5).toString(),
                "--t", "3.5", "--out", dir.resolve("out.csv").toString());
        BadInputTest.assertBadInput(result, "--t 3.5", "integer timestep");
        assertThat(dir.resolve("out.csv")).doesNotExist();
    }

    @Test
    void shouldRejectPointsOfTheWrongDimension() {
        Path wide = SpecFiles.points(dir, "wide.csv", new double[][] {{0.5, 0.5}});
        Cli result = Cli.run("probe", twoPointSpec("kind = ve", "euler").toString(), "--points", wide.toString(),
                "--t", "1", "--out", dir.resolve("out.csv").toString());
        BadInputTest.assertBadInput(result, "--points", "2 columns", "dimension 1");
    }

    @Test
    void shouldWriteAFiniteNoiseLevelPosterior() throws IOException {
        Path out = dir.resolve("posterior.csv");
        Cli result = Cli.run("probe", twoPointSpec("kind = ve", "euler").toString(), "--points", points(0.5, 3.0, -7.0).toString(),
                "--posterior-t", "--out", out.toString());
        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.OK);
        assertThat(Files.readAllLines(out).get(0)).isEqualTo("t_mean,t_var,effective_target_error");
        double[][] columns = CsvDataset.read(out, 10).points().toDoubleMatrix();
        assertThat(columns).hasNumberOfRows(3);
        for (double[] row : columns) {
            assertThat(Arrays.stream(row)).allMatch(Double::isFinite);
            assertThat(row[1]).as("t_var").isPositive();
            assertThat(row[2]).as("effective_target_error").isGreaterThanOrEqualTo(0);
        }
        // farther from the data (distances 0.5, 2, 6) means a larger noise level is more likely
        assertThat(columns[0][0]).isLessThan(columns[1][0]);
        assertThat(columns[1][0]).isLessThan(columns[2][0]);
    }

    @Test
    void shouldProbeTheSingleParticleK10SpecAndMatchItsNoiseLevelPosterior() throws IOException {
        // docs/science.md K10: z = (1 - t*) x + t* eps with eps = (+1, +1, -1, -1, ...), so <x, eps> = 0 and ||eps||^2 = D
        double[] x = SpecFiles.k10Point();
        double[] times = {0.3, 0.5};
        double[][] z = new double[times.length][x.length];
        for (int r = 0; r < times.length; r++) {
            for (int i = 0; i < x.length; i++) {
                z[r][i] = (1 - times[r]) * x[i] + times[r] * ((i / 2) % 2 == 0 ? 1 : -1);
            }
        }
        Path out = dir.resolve("k10.csv");
        Cli result = Cli.run("probe", SpecFiles.k10Spec(dir).toString(), "--points",
                SpecFiles.points(dir, "z.csv", z).toString(), "--posterior-t", "--out", out.toString());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.OK);
        double[][] rows = CsvDataset.read(out, 10).points().toDoubleMatrix();
        double s = SpecFiles.K10_PIXEL * SpecFiles.K10_PIXEL;
        int d = SpecFiles.K10_DIMENSION;
        for (int r = 0; r < times.length; r++) {
            double tStar = times[r];
            double variance = tStar * tStar / ((2 + s) * d);
            assertThat(rows[r][0]).as("t_mean at t* = %s", tStar).isCloseTo(tStar, within(K10_MEAN_REL_TOL * tStar));
            assertThat(rows[r][1]).as("t_var at t* = %s", tStar).isCloseTo(variance, within(K10_VAR_REL_TOL * variance));
            assertThat(rows[r][2]).as("E at t* = %s", tStar).isCloseTo((1 + s) / (2 + s), within(K10_ERROR_ABS_TOL));
        }
    }
}
