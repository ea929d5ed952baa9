package io.diffusim.model.denoise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import io.diffusim.config.EqmMagnitude;
import io.diffusim.config.ModelSpec;
import io.diffusim.config.RunSpec;
import io.diffusim.config.SpecLoader;
import io.diffusim.model.data.Dataset;
import io.diffusim.model.data.Datasets;
import io.diffusim.model.data.FashionMnist;
import io.diffusim.model.eqm.EqmOptimalField;
import io.diffusim.model.eqm.FusedEqmField;
import io.diffusim.model.eqm.MagnitudeFunction;
import io.diffusim.model.posterior.EffectiveTarget;
import io.diffusim.model.posterior.NoisePrior;
import io.diffusim.model.posterior.NoiseUnconditionalTarget;
import io.diffusim.model.posterior.RegressionTarget;
import io.diffusim.model.process.ForwardProcess;
import io.diffusim.model.process.Processes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Model specs (docs/spec-reference.md {@code model}) through reference.conf into the closed-form denoisers of docs/science.md §3. */
class DenoisersTest {

    /** docs/science.md §8 quotes known answers to 6 decimal places. */
    private static final double KNOWN_ANSWER_TOL = 1e-6;
    /** Two float64 evaluations of the same closed form by different routes. */
    private static final double EXACT_TOL = 1e-10;
    /**
     * docs/science.md §3.4 asks the two quadrature passes to agree to 1e-3; on this smooth unimodal posterior the refined
     * pass meets the exact moments to ~1e-11 (measured), so 1e-6 relative still leaves a wide margin.
     */
    private static final double QUADRATURE_REL_TOL = 1e-6;
    /** docs/science.md §8 K16. */
    private static final double K16_FIELD_TOL = 1e-5;
    private static final int IMAGE_SIDE = FashionMnist.SIDE;

    @TempDir
    Path dir;

    @Test
    void shouldGiveTheClosedFormPosteriorMeanOfAOneComponentGmm() {
        RunSpec run = parse("model { kind = gmm-exact }, data { kind = gmm, n = 10, components = [ { mean = [1, -1], cov = 0.5 } ] }");
        double t = 50;
        double alphaBar = 1;
        for (int s = 0; s <= t; s++) {
            alphaBar *= 1 - (1e-4 + (0.02 - 1e-4) * s / 99);
        }
        double a = Math.sqrt(alphaBar);
        double bSq = 1 - alphaBar;
        double[] x = {0.5, -0.2};
        // §3.1 with one component Sigma = s^2 I: x0-hat = mu + a s^2 / (a^2 s^2 + b^2) (x - a mu)
        double gain = a * 0.5 / (a * a * 0.5 + bSq);
        double[] expected = {1 + gain * (x[0] - a), -1 + gain * (x[1] + a)};

        Prediction p = model(run).evaluate(request(x, t));

        assertThat(p.x0().toDoubleVector()).containsExactly(expected, within(EXACT_TOL));
    }

    @Test
    void shouldReproduceTheK4MixturePosteriorThroughTheVeProcess() {
        RunSpec run = parse("process { kind = ve }, sampler { kind = euler }, model { kind = gmm-exact }, data { kind = gmm, n = 10, components = ["
                + "{ weight = 0.3, mean = [-2], cov = 0.0625 }, { weight = 0.7, mean = [2], cov = 0.0625 } ] }");

        // VP Abar = 0.5 at x_t = 0.4 is VE sigma = 1 at x = 0.4 sqrt 2 (docs/science.md §1.1)
        Prediction p = model(run).evaluate(request(new double[] {0.4 * Math.sqrt(2)}, 1));

        assertThat(p.x0().getDouble(0)).isCloseTo(1.733120, within(KNOWN_ANSWER_TOL));
    }

    @Test
    void shouldGiveTheTwoPointEmpiricalPosteriorK3() throws IOException {
        Files.writeString(dir.resolve("two.csv"), "x0\n-1\n1\n");
        RunSpec run = parse("process { kind = ve }, sampler { kind = euler }, data { kind = csv, n = 2, path = two.csv }");

        Prediction p = model(run).evaluate(request(new double[] {0.5}, 1));

        assertThat(p.x0().getDouble(0)).isCloseTo(0.462117, within(KNOWN_ANSWER_TOL));
    }

    @Test
    void shouldFitTheWienerDenoiserToTheDataMeanAndVariance() throws IOException {
        Files.writeString(dir.resolve("four.csv"), "x0\n0\n1\n2\n3\n");
        RunSpec run = parse("process { kind = ve }, sampler { kind = euler }, model { kind = wiener }, "
                + "data { kind = csv, n = 4, path = four.csv }");

        // m = 1.5, population variance 1.25: x0-hat = m + 1.25 / (1.25 + sigma^2) (x - m) at sigma = 1, x = 2
        Prediction p = model(run).evaluate(request(new double[] {2}, 1));

        assertThat(p.x0().getDouble(0)).isCloseTo(1.5 + 1.25 / 2.25 * 0.5, within(EXACT_TOL));
    }

    @Test
    void shouldAddMirrorImagesWhenFlipIsOn() throws IOException {
        double[][] images = writeImages(3);
        String data = "data { kind = fashion-mnist, n = 3, dir = \"" + dir + "\" }";
        RunSpec flipped = parse("process { kind = ve }, sampler { kind = euler }, model { kind = empirical, flip = true }, " + data);
        RunSpec plain = parse("process { kind = ve }, sampler { kind = euler }, model { kind = empirical, flip = false }, " + data);
        double[] mirror = mirror(images[0]);

        // at sigma = 0.05 the posterior sits on the nearest training image, ~20 away from every other
        double[] withFlip = model(flipped).evaluate(request(mirror, 0.05)).x0().toDoubleVector();
        double[] withoutFlip = model(plain).evaluate(request(mirror, 0.05)).x0().toDoubleVector();

        assertThat(withFlip).containsExactly(mirror, within(EXACT_TOL));
        assertThat(distance(withoutFlip, mirror)).isGreaterThan(1);
    }

    @Test
    void shouldReduceWholeImagePatchesToTheEmpiricalDenoiser() throws IOException {
        writeImages(3);
        String rest = "process { kind = ve }, sampler { kind = euler }, data { kind = fashion-mnist, n = 3, dir = \"" + dir + "\" }";
        Denoiser patch = model(parse(rest + ", model { kind = patch-empirical, patch = " + IMAGE_SIDE + ", flip = true }"));
        Denoiser empirical = model(parse(rest + ", model { kind = empirical, flip = true }"));
        double[] query = new SplittableRandom(3).doubles(IMAGE_SIDE * IMAGE_SIDE, -1, 1).toArray();

        // docs/science.md §3.6: P equal to the image is §3.2; both flip here (flip defaults to false for every model)
        double[] fromPatches = patch.evaluate(request(query, 20)).x0().toDoubleVector();
        double[] fromEmpirical = empirical.evaluate(request(query, 20)).x0().toDoubleVector();

        assertThat(patch).isInstanceOf(DenoiserBackend.closedFormDefault() == DenoiserBackend.HOST
                ? FusedPatchEmpiricalDenoiser.class : PatchEmpiricalDenoiser.class);
        assertThat(fromPatches).containsExactly(fromEmpirical, within(EXACT_TOL));
    }

    @Test
    void shouldMatchTheExactNoiseLevelPosteriorOfOnePointK24() throws IOException {
        int d = 100;
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < d; i++) {
            csv.append(i == 0 ? "" : ",").append("x").append(i);
        }
        SplittableRandom random = new SplittableRandom(11);
        double[] point = random.doubles(d, -1, 1).toArray();
        csv.append('\n').append(String.join(",", Arrays.stream(point).mapToObj(Double::toString).toList())).append('\n');
        Files.writeString(dir.resolve("one.csv"), csv.toString());
        RunSpec run = parse("process { kind = ve }, sampler { kind = euler }, model { kind = empirical-unconditional }, "
                + "data { kind = csv, n = 1, path = one.csv }");
        double[] noisy = new double[d];
        double squared = 0;
        for (int i = 0; i < d; i++) {
            double offset = 0.5 * random.nextGaussian();
            noisy[i] = point[i] + offset;
            squared += offset * offset;
        }

        NoiseUnconditionalTarget model = (NoiseUnconditionalTarget) model(run);
        EffectiveTarget result = model.effectiveTarget(Nd4j.create(new double[][] {noisy}));

        // uniform sigma, p(sigma | x) ∝ sigma^-D exp(-A / 2 sigma^2): E[sigma^-m] = (A/2)^(-m/2) G((D-1+m)/2) / G((D-1)/2)
        double mean = moment(squared, d, -1);
        double variance = moment(squared, d, -2) - mean * mean;
        double inverseVariance = moment(squared, d, 2) - Math.pow(moment(squared, d, 1), 2);
        assertThat(result.moments().mean().getDouble(0)).isCloseTo(mean, within(QUADRATURE_REL_TOL * mean));
        assertThat(result.moments().variance().getDouble(0)).isCloseTo(variance, within(QUADRATURE_REL_TOL * variance));
        // eps target R = (x - x_0) / sigma: E(x) = A Var[1 / sigma], about 1/2 (docs/science.md §6.3)
        double error = squared * inverseVariance;
        assertThat(result.error().getDouble(0)).isCloseTo(error, within(QUADRATURE_REL_TOL * error));
    }

    @Test
    void shouldPickEachProcessesNaturalPriorAndHonourOverrides() {
        assertThat(prior("process { kind = vp }")).isEqualTo(new NoisePrior.UniformIntegers(0, 99));
        assertThat(prior("process { kind = ve }, sampler { kind = euler }")).isEqualTo(new NoisePrior.Uniform(0.002, 80));
        assertThat(prior("process { kind = edm }, sampler { kind = euler }"))
                .isEqualTo(new NoisePrior.LogNormalSigma(-1.2, 1.2, 0.002, 80));
        assertThat(prior("process { kind = fm }, sampler { kind = fm-euler }")).isEqualTo(new NoisePrior.Uniform(1e-4, 1));
        assertThat(prior("process { kind = vp }, model { kind = empirical-unconditional, t-lo = 10.5, t-hi = 20 }"))
                .isEqualTo(new NoisePrior.UniformIntegers(11, 20));
        assertThat(prior("process { kind = ve }, sampler { kind = euler }, model { kind = empirical-unconditional, "
                + "prior = uniform, t-hi = 5 }")).isEqualTo(new NoisePrior.Uniform(0.002, 5));
        assertThatIllegalArgumentException().isThrownBy(() -> prior("process { kind = fm }, sampler { kind = fm-euler }, "
                + "model { kind = empirical-unconditional, prior = log-normal }")).withMessageContaining("log-normal");
    }

    @Test
    void shouldRegressOnEachProcessesNaturalTarget() {
        assertThat(Denoisers.target(parse("process { kind = vp }").process())).isEqualTo(RegressionTarget.eps());
        assertThat(Denoisers.target(parse("process { kind = ve }, sampler { kind = euler }").process()))
                .isEqualTo(RegressionTarget.eps());
        assertThat(Denoisers.target(parse("process { kind = edm, sigma-data = 0.7 }, sampler { kind = euler }").process()))
                .isEqualTo(new RegressionTarget.EdmNetwork(0.7));
        assertThat(Denoisers.target(parse("process { kind = fm }, sampler { kind = fm-euler }").process()))
                .isEqualTo(RegressionTarget.flowVelocity());
    }

    @Test
    void shouldVanishAtTheDataForTheEqmFieldK16() throws IOException {
        Files.writeString(dir.resolve("pair.csv"), "x0,x1\n0.5,0.5\n-0.5,-0.5\n");
        RunSpec run = parse("sampler { kind = eqm-gd }, model { kind = eqm-empirical, c = truncated, a = 0.8, lambda = 1, "
                + "grid = 200000 }, data { kind = csv, n = 2, path = pair.csv }");

        Dataset data = Datasets.from(run.data(), run.seed());
        Denoiser host = Denoisers.from(run.model(), run, data, null, DenoiserBackend.HOST);
        Denoiser nd4j = Denoisers.from(run.model(), run, data, null, DenoiserBackend.ND4J);

        assertThat(host).isInstanceOf(FusedEqmField.class);
        assertThat(nd4j).isInstanceOf(EqmOptimalField.class);
        for (Denoiser field : List.of(host, nd4j)) {
            INDArray atData = field.evaluate(new EvalRequest(Nd4j.create(new double[][] {{0.5, 0.5}}), null, null)).field();
            INDArray away = field.evaluate(new EvalRequest(Nd4j.create(new double[][] {{2, 2}}), null, null)).field();
            assertThat(atData.norm2Number().doubleValue()).isLessThan(K16_FIELD_TOL);
            // the energy gradient points away from the nearest data point, so descent moves back towards it
            assertThat(away.getDouble(0)).isPositive();
            assertThat(away.getDouble(1)).isPositive();
        }
    }

    @Test
    void shouldBuildEachEqmMagnitudeShape() {
        assertThat(Denoisers.magnitude(new EqmMagnitude(EqmMagnitude.Shape.CONSTANT, 0.8, 1, 4)).c(0.9)).isEqualTo(4);
        assertThat(Denoisers.magnitude(new EqmMagnitude(EqmMagnitude.Shape.LINEAR, 0.8, 1, 4)).k(0.3)).isEqualTo(4);
        // k = lambda / (1 - a) above the knee (K16: 5 for a = 0.8, lambda = 1)
        assertThat(Denoisers.magnitude(new EqmMagnitude(EqmMagnitude.Shape.TRUNCATED, 0.8, 1, 1)).k(0.9))
                .isCloseTo(5, within(EXACT_TOL));
        MagnitudeFunction piecewise = Denoisers.magnitude(new EqmMagnitude(EqmMagnitude.Shape.PIECEWISE, 0.8, 1.4, 1));
        assertThat(piecewise.c(0)).isCloseTo(1.4, within(EXACT_TOL));
        assertThat(piecewise.c(0.8)).isCloseTo(1, within(EXACT_TOL));
    }

    @Test
    void shouldRefuseTheUnetOnPointsThatAreNotImages() {
        assertThatIllegalArgumentException().isThrownBy(() -> model(parse("model { kind = unet, checkpoint = u.ckpt }")))
                .withMessageContaining("model.kind = unet needs image data").withMessageContaining("use model.kind = mlp");
    }

    @Test
    void shouldNameAMissingOnnxFile() {
        assertThatIllegalArgumentException().isThrownBy(() -> model(parse("model { kind = onnx, path = \"m.onnx\" }")))
                .withMessageContaining("model.path = " + dir.resolve("m.onnx")).withMessageContaining("no such regular file");
    }

    @Test
    void shouldAskForTheCheckpointOfAnMlp() {
        assertThatIllegalArgumentException().isThrownBy(() -> model(parse("model { kind = mlp }")))
                .withMessageContaining("model.checkpoint = null").withMessageContaining("bin/diffusim train");
    }

    private RunSpec parse(String blocks) {
        String withData = blocks.contains("data {") ? blocks : blocks + ", data { kind = moons, n = 50 }";
        return SpecLoader.parse("run { analyses = [], " + withData + " }", dir);
    }

    private static Denoiser model(RunSpec run) {
        Dataset data = Datasets.from(run.data(), run.seed());
        ForwardProcess process = Processes.from(run.process());
        return Denoisers.from(run.model(), run, data, process);
    }

    private NoisePrior prior(String blocks) {
        RunSpec run = parse(blocks.contains("model {") ? blocks : blocks + ", model { kind = empirical-unconditional }");
        return NoisePriors.from(((ModelSpec.EmpiricalUnconditional) run.model()).posterior(), run.process());
    }

    private static EvalRequest request(double[] x, double t) {
        return new EvalRequest(Nd4j.create(new double[][] {x}), Nd4j.create(new double[][] {{t}}), null);
    }

    /** E[sigma^-m] under p(sigma | x) ∝ sigma^-D exp(-A / (2 sigma^2)) on (0, inf). */
    private static double moment(double squared, int d, int m) {
        return Math.exp(-0.5 * m * Math.log(squared / 2) + Gamma.logGamma((d - 1 + m) / 2.0) - Gamma.logGamma((d - 1) / 2.0));
    }

    /** Writes n random 28x28 images as uncompressed IDX train files; returns their pixels on [-1, 1]. */
    private double[][] writeImages(int n) throws IOException {
        int pixels = IMAGE_SIDE * IMAGE_SIDE;
        byte[] body = new byte[n * pixels];
        new SplittableRandom(5).nextBytes(body);
        ByteBuffer images = ByteBuffer.allocate(16 + body.length).putInt(FashionMnist.IMAGES_MAGIC).putInt(n)
                .putInt(IMAGE_SIDE).putInt(IMAGE_SIDE).put(body);
        ByteBuffer labels = ByteBuffer.allocate(8 + n).putInt(FashionMnist.LABELS_MAGIC).putInt(n).put(new byte[n]);
        Files.write(dir.resolve("train-images-idx3-ubyte"), images.array());
        Files.write(dir.resolve("train-labels-idx1-ubyte"), labels.array());
        double[][] values = new double[n][pixels];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < pixels; p++) {
                values[i][p] = -1 + 2 * (body[i * pixels + p] & 0xff) / 255.0;
            }
        }
        return values;
    }

    /** The image with its width axis reversed. */
    private static double[] mirror(double[] image) {
        double[] mirrored = new double[image.length];
        for (int row = 0; row < IMAGE_SIDE; row++) {
            for (int col = 0; col < IMAGE_SIDE; col++) {
                mirrored[row * IMAGE_SIDE + col] = image[row * IMAGE_SIDE + IMAGE_SIDE - 1 - col];
            }
        }
        return mirrored;
    }

    private static double distance(double[] u, double[] v) {
        double sum = 0;
        for (int i = 0; i < u.length; i++) {
            sum += (u[i] - v[i]) * (u[i] - v[i]);
        }
        return Math.sqrt(sum);
    }
}
