package io.diffusim.actors.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/user-guide.md exit codes: bad input exits 2 with one line on stderr naming the problem, no stack trace. */
class BadInputTest {

    @TempDir
    Path dir;

    /** Exit 2, exactly one line on stderr, naming every given fragment, and no stack trace. */
    static void assertBadInput(Cli result, String... named) {
        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(result.errLines()).hasSize(1);
        assertThat(result.errLines().get(0)).startsWith("diffusim: ").contains(named);
        assertThat(result.err()).doesNotContain("\tat ");
    }

    private Path spec(String body) {
        return SpecFiles.write(dir, "spec.conf", "run {\n" + body + "\n}\n");
    }

    private Path out() {
        return dir.resolve("out");
    }

    @Test
    void shouldNameTheMissingSpecFile() {
        Path missing = dir.resolve("missing.conf");
        assertBadInput(Cli.run("run", missing.toString(), "--out", out().toString()), "missing.conf", "no such file");
        assertBadInput(Cli.run("validate", missing.toString()), "missing.conf", "no such file");
    }

    @Test
    void shouldShowTheStackTraceOnlyWhenVerbose() {
        Path missing = dir.resolve("missing.conf");
        Cli verbose = Cli.run("validate", "--verbose", missing.toString());
        assertThat(verbose.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(verbose.err()).contains("no such file").contains("\tat ");
        assertBadInput(Cli.run("validate", missing.toString()), "no such file");
    }

    @Test
    void shouldNameTheTruncatedFashionMnistImagesOnProbeAndRun() throws IOException {
        FashionMnistFiles.writeTruncated(dir, 10, 3);
        Path spec = spec("""
                analyses = []
                data { kind = fashion-mnist, dir = "%s", n = 10 }
                """.formatted(dir));
        Path points = SpecFiles.points(dir, "points.csv", new double[][] {{0, 0}});
        assertBadInput(Cli.run("probe", spec.toString(), "--points", points.toString(), "--t", "5",
                "--out", dir.resolve("probe.csv").toString()), "train-images-idx3-ubyte.gz", "truncated");
        assertBadInput(Cli.run("run", spec.toString(), "--out", out().toString()),
                "train-images-idx3-ubyte.gz", "truncated");
    }

    @Test
    void shouldNameTheFashionMnistDirectoryOfACorruptGzip() throws IOException {
        FashionMnistFiles.writeTruncated(dir, 10, 10);
        FashionMnistFiles.corruptImagesChecksum(dir);
        Path spec = spec("""
                analyses = []
                data { kind = fashion-mnist, dir = "%s", n = 10 }
                """.formatted(dir));
        assertBadInput(Cli.run("run", spec.toString(), "--out", out().toString()), "Fashion-MNIST images in " + dir, "GZIP");
    }

    @Test
    void shouldNameACsvThatIsNotUtf8() throws IOException {
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, "x0\n0.5\n\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        Path ok = SpecFiles.points(dir, "ok.csv", new double[][] {{0}, {1}});
        assertBadInput(Cli.run("metric", "w1", "--reference", latin1.toString(), "--samples", ok.toString()), "latin1.csv");
    }

    @Test
    void shouldNameAnOutputPathThatCannotBeCreated() {
        Path spec = spec("""
                particles = 8
                analyses = []
                data { kind = moons, n = 50 }
                process { kind = vp, timesteps = 3 }
                """);
        Path plainFile = SpecFiles.write(dir, "plain.txt", "not a directory");
        assertBadInput(Cli.run("run", spec.toString(), "--out", plainFile.resolve("sub").toString()), "plain.txt");
        Path points = SpecFiles.points(dir, "points.csv", new double[][] {{0, 0}});
        assertBadInput(Cli.run("probe", spec.toString(), "--points", points.toString(), "--t", "1", "--out", dir.toString()),
                dir.toString());
    }

    @Test
    void shouldNameTheFileLineAndColumnOfABadCsvRow() {
        Path bad = SpecFiles.write(dir, "bad.csv", "x0,x1\n0,0\n1,oops\n2,2\n");
        Path ok = SpecFiles.points(dir, "ok.csv", new double[][] {{0, 0}, {1, 1}, {2, 2}, {3, 3}});
        assertBadInput(Cli.run("metric", "kl", "--reference", bad.toString(), "--samples", ok.toString(), "--k", "1"),
                "bad.csv", "line 3, column 2: not a number");
        Path spec = spec("""
                analyses = []
                data { kind = csv, path = "bad.csv" }
                """);
        Cli run = Cli.run("run", spec.toString(), "--out", out().toString());
        assertBadInput(run, "bad.csv", "line 3, column 2: not a number");
        assertThat(run.err()).as("the file's contents are not quoted").doesNotContain("oops");
    }

    @Test
    void shouldNameTheKeyOfANaNInTheSpec() {
        Path spec = spec("""
                data { kind = moons }
                sampler { kind = ddim, eta = NaN }
                """);
        assertBadInput(Cli.run("run", spec.toString(), "--out", out().toString()), "run.sampler.eta", "NaN");
    }

    @Test
    void shouldNameTheKeyOfNegativeSteps() {
        Path spec = spec("""
                data { kind = moons }
                sampler { kind = ddim, steps = -5 }
                """);
        assertBadInput(Cli.run("run", spec.toString(), "--out", out().toString()), "run.sampler.steps", "-5");
    }

    @Test
    void shouldRejectAnUnknownOption() {
        Path spec = spec("data { kind = moons }");
        assertBadInput(Cli.run("run", spec.toString(), "--out", out().toString(), "--bogus"), "--bogus");
        assertBadInput(Cli.run("frobnicate"), "frobnicate");
    }
}
