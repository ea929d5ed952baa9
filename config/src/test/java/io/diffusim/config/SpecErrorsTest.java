package io.diffusim.config;

import static io.diffusim.config.SpecTexts.errorsOf;
import static io.diffusim.config.SpecTexts.onlyErrorOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per kind of spec error (docs/spec-reference.md: name the key, the value and what is allowed). */
class SpecErrorsTest {

    private static final String MOONS = "data { kind = moons }";

    @Test
    void shouldRejectOutOfRangeValueWithTheContractMessage() {
        SpecError error = onlyErrorOf("run { " + MOONS + ", sampler { kind = ddim, steps = -5 } }");

        assertThat(error.message()).isEqualTo("run.sampler.steps = -5: expected an integer in [0, 1000000]");
    }

    @Test
    void shouldNameTheBadMlpAndTrainingKeys() {
        List<SpecError> errors = errorsOf("run { " + MOONS + ", model { kind = mlp, width = 0, blocks = -1, "
                + "train { ema-every = 0, ema-after = -5, ema-power = 0 } } }");

        assertThat(errors).extracting(SpecError::message).containsExactlyInAnyOrder(
                "run.model.width = 0: expected an integer in [1, 65536]",
                "run.model.blocks = -1: expected an integer in [0, 1000]",
                "run.model.train.ema-every = 0: expected an integer in [1, 2147483647]",
                "run.model.train.ema-after = -5: expected an integer in [0, 2147483647]",
                "run.model.train.ema-power = 0: expected a finite number > 0");
    }

    @Test
    void shouldRejectNegativeParticlesAndZeroBatchSize() {
        List<SpecError> errors = errorsOf("run { " + MOONS + ", particles = -1, batch-size = 0 }");

        assertThat(errors).extracting(SpecError::message).containsExactly(
                "run.particles = -1: expected an integer in [1, 100000000]",
                "run.batch-size = 0: expected an integer in [1, 10000000]");
    }

    @Test
    void shouldRefuseSizesNoMachineCanRunAndValuesBeyond32BitsNamingTheBound() {
        List<SpecError> errors = errorsOf("run { data { kind = moons, n = 1000000000 }, particles = 1000000000,"
                + " batch-size = 2147483647, process { kind = vp, timesteps = 1e9 }, record-every = 1e13 }");

        assertThat(errors).extracting(SpecError::message).containsExactlyInAnyOrder(
                "run.particles = 1000000000: expected an integer in [1, 100000000]",
                "run.batch-size = 2147483647: expected an integer in [1, 10000000]",
                "run.data.n = 1000000000: expected an integer in [1, 10000000]",
                "run.process.timesteps = 1000000000: expected an integer in [2, 1000000]",
                "run.record-every = 10000000000000: expected an integer in [1, 2147483647]");
    }

    @Test
    void shouldNameASpecNestedTooDeeplyOrTooLargeInsteadOfFailingInside() {
        String deep = "run { " + MOONS + ", x = " + "[".repeat(200_000) + "]".repeat(200_000) + " }";
        assertThat(catchThrowableOfType(() -> SpecLoader.parse(deep, null), SpecException.class).errors())
                .extracting(SpecError::message)
                .containsExactly("(syntax): nested too deeply to read (a spec needs a few levels of { })");
        String huge = "run { " + MOONS + ", name = \"" + "x".repeat((int) SpecLoader.MAX_SPEC_BYTES) + "\" }";
        assertThat(catchThrowableOfType(() -> SpecLoader.parse(huge, null), SpecException.class).errors())
                .extracting(SpecError::message).singleElement().asString()
                .endsWith(": a spec may have at most 1048576 bytes");
    }

    @Test
    void shouldRejectProbabilityOutsideUnitInterval() {
        SpecError error = onlyErrorOf("run { " + MOONS + ", sampler { kind = ddim, eta = 1.5 } }");

        assertThat(error.key()).isEqualTo("run.sampler.eta");
        assertThat(error.value()).isEqualTo("1.5");
        assertThat(error.expected()).isEqualTo("expected a finite number in [0, 1]");
    }

    @Test
    void shouldRejectUnknownTopLevelKey() {
        SpecError error = onlyErrorOf("run { " + MOONS + " }, runs = 3");

        assertThat(error.key()).isEqualTo("runs");
        assertThat(error.value()).isEqualTo("3");
        assertThat(error.expected()).contains("unknown key").contains("run { ... }");
    }

    @Test
    void shouldRejectUnknownKeyNamingTheKeysAllowedThere() {
        SpecError error = onlyErrorOf("run { " + MOONS + ", partcles = 10 }");

        assertThat(error.key()).isEqualTo("run.partcles");
        assertThat(error.value()).isEqualTo("10");
        assertThat(error.expected()).startsWith("unknown key; expected one of ").contains("particles", "batch-size", "seed");
    }

    @Test
    void shouldRejectUnknownKeyInNestedBlock() {
        SpecError error = onlyErrorOf("run { " + MOONS + ", sampler { guidance { scal = 0.2 } } }");

        assertThat(error.key()).isEqualTo("run.sampler.guidance.scal");
        assertThat(error.value()).isEqualTo("0.2");
        assertThat(error.expected()).contains("unknown key").contains("scale");
    }

    @Test
    void shouldRejectUnknownKeyInsideAnalysisElement() {
        SpecError error = onlyErrorOf("run { " + MOONS + ", analyses = [ { kind = kl }, { kind = w1, size = 5 } ] }");

        assertThat(error.key()).isEqualTo("run.analyses[1].size");
        assertThat(error.expected()).contains("unknown key").contains("subsample");
    }

    @Test
    void shouldNameTheKindThatAKeyOfAnotherVariantBelongsTo() {
        SpecError error = onlyErrorOf("run { data { kind = moons, path = \"x.csv\" } }");

        assertThat(error.message()).isEqualTo("run.data.path = x.csv: applies only to kind = csv | idx | npy");
    }

    @Test
    void shouldNameTheScheduleThatASubVariantKeyBelongsTo() {
        SpecError error = onlyErrorOf("run { " + MOONS + ", process { kind = vp, schedule = cosine, beta-min = 0.001 } }");

        assertThat(error.message()).isEqualTo("run.process.beta-min = 0.001: applies only to schedule = linear | quadratic");
    }

    @Test
    void shouldRejectWrongTypes() {
        List<SpecError> errors = errorsOf("run { data = 5, seed = [1], model { kind = wiener, rank = \"all\" } }");

        assertThat(errors).extracting(SpecError::message).contains(
                "run.data = 5: expected an object { ... }",
                "run.seed = [1]: expected an integer >= 0",
                "run.model.rank = all: expected an integer in [0, 1000000]");
    }

    @Test
    void shouldRejectFractionalIntegers() {
        SpecError error = onlyErrorOf("run { " + MOONS + ", record-every = 2.5 }");

        assertThat(error.message()).isEqualTo("run.record-every = 2.5: expected an integer in [1, 2147483647]");
    }

    @Test
    void shouldRejectNanGivenAsWordOrString() {
        List<SpecError> errors = errorsOf("run { " + MOONS + ", process { beta-min = NaN, beta-max = \"NaN\" } }");

        assertThat(errors).extracting(SpecError::key).containsExactly("run.process.beta-min", "run.process.beta-max");
        assertThat(errors).extracting(SpecError::value).containsExactly("NaN", "NaN");
        assertThat(errors).extracting(SpecError::expected).containsOnly("expected a finite number in (0, 1)");
    }

    @Test
    void shouldRejectInfinityGivenAsStringOrOverflowingNumber() {
        List<SpecError> errors = errorsOf("run { " + MOONS + ", process { kind = ve, sigma-max = Infinity, rho = 1e400 }, sampler { kind = euler } }");

        assertThat(errors).extracting(SpecError::key).containsExactly("run.process.sigma-max", "run.process.rho");
        assertThat(errors.get(0).message()).isEqualTo("run.process.sigma-max = Infinity: expected a finite number > 0");
        assertThat(errors.get(1).value()).isEqualTo("Infinity");
    }

    @Test
    void shouldListAllowedWordsForUnknownWord() {
        SpecError error = onlyErrorOf("run { " + MOONS + ", sampler { kind = ddpn } }");

        assertThat(error.message()).isEqualTo("run.sampler.kind = ddpn: expected one of "
                + "ddpm | ddim | euler | heun | fm-euler | fm-heun | langevin | eqm-gd | eqm-nag");
    }

    @Test
    void shouldListAllowedWordsForUnknownSetting() {
        SpecError error = onlyErrorOf("run { " + MOONS + ", sampler { kind = ddim, spacing = middle } }");

        assertThat(error.message()).isEqualTo("run.sampler.spacing = middle: expected one of linspace | leading | trailing");
    }

    @Test
    void shouldReportMissingDataKind() {
        SpecError error = onlyErrorOf("run { }");

        assertThat(error.key()).isEqualTo("run.data.kind");
        assertThat(error.value()).isEmpty();
        assertThat(error.message()).isEqualTo(
                "run.data.kind: missing; expected one of moons | dino | circle | line | gmm | fashion-mnist | csv | idx | png | npy");
    }

    @Test
    void shouldReportMissingCsvPath() {
        SpecError error = onlyErrorOf("run { data { kind = csv } }");

        assertThat(error.message()).isEqualTo("run.data.path: missing; expected a file path");
    }

    @Test
    void shouldReportMissingRunBlock() {
        List<SpecError> errors = errorsOf("seed = 1");

        assertThat(errors).extracting(SpecError::key).contains("seed", "run");
    }

    @Test
    void shouldRejectInvalidRunName() {
        SpecError error = onlyErrorOf("run { " + MOONS + ", name = \"my run!\" }");

        assertThat(error.key()).isEqualTo("run.name");
        assertThat(error.value()).isEqualTo("\"my run!\"");
        assertThat(error.expected()).contains("A-Z a-z 0-9 . _ -");
    }

    @Test
    void shouldTurnSyntaxErrorIntoOneError() {
        SpecError error = onlyErrorOf("run {\n  data { kind = moons\n");

        assertThat(error.key()).isEqualTo("(syntax)");
        assertThat(error.expected()).startsWith("line ");
    }

    @Test
    void shouldTurnUnresolvedSubstitutionIntoOneError() {
        SpecError error = onlyErrorOf("run { " + MOONS + ", seed = ${HOME} }");

        assertThat(error.key()).isEqualTo("(syntax)");
        assertThat(error.expected()).contains("HOME");
    }

    @Test
    void shouldNameTheFileWithASyntaxError(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("broken.conf"), "run { data { kind = moons }\n");

        SpecException thrown = catchThrowableOfType(() -> SpecLoader.load(file), SpecException.class);

        assertThat(thrown.errors()).hasSize(1);
        assertThat(thrown.errors().get(0).key()).isEqualTo("broken.conf");
    }

    @Test
    void shouldReportMissingFile(@TempDir Path dir) {
        Path missing = dir.resolve("nope.conf");

        SpecException thrown = catchThrowableOfType(() -> SpecLoader.load(missing), SpecException.class);

        assertThat(thrown.errors()).extracting(SpecError::message).containsExactly(missing + ": no such file");
    }

    @Test
    void shouldReportAllThreeMistakesInOnePass() {
        List<SpecError> errors = errorsOf("run {\n"
                + "  particles = 0\n"
                + "  data { kind = moons, colour = red }\n"
                + "  sampler { kind = ddim, spacing = sideways }\n"
                + "}\n");

        assertThat(errors).extracting(SpecError::key)
                .containsExactly("run.particles", "run.data.colour", "run.sampler.spacing");
    }
}
