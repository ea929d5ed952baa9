package io.diffusim.config;

import static io.diffusim.config.SpecTexts.errorsOf;
import static io.diffusim.config.SpecTexts.onlyErrorOf;
import static io.diffusim.config.SpecTexts.parse;
import static org.assertj.core.api.Assertions.assertThat;

import io.diffusim.config.GmmComponent.Diagonal;
import io.diffusim.config.GmmComponent.Full;
import io.diffusim.config.GmmComponent.Isotropic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rules that span keys or blocks (docs/spec-reference.md; docs/science.md §1-3). */
class CrossFieldRulesTest {

    private static final String MOONS = "data { kind = moons }";

    @Test
    void shouldRequireGmmDataForTheExactGmmModel() {
        SpecError error = onlyErrorOf("run { " + MOONS + ", model { kind = gmm-exact } }");

        assertThat(error.message()).isEqualTo("run.model.kind = gmm-exact: needs data.kind = gmm (data.kind is moons)");
    }

    @Test
    void shouldRequireAnEqmModelForEqmSamplers() {
        SpecError error = onlyErrorOf("run { " + MOONS + ", sampler { kind = eqm-gd } }");

        assertThat(error.key()).isEqualTo("run.sampler.kind");
        assertThat(error.value()).isEqualTo("eqm-gd");
        assertThat(error.expected()).contains("eqm-empirical").contains("objective = eqm");
    }

    @Test
    void shouldRequireAnEqmSamplerForEqmModels() {
        SpecError error = onlyErrorOf("run { " + MOONS + ", model { kind = mlp, objective = eqm } }");

        assertThat(error.key()).isEqualTo("run.model.kind");
        assertThat(error.expected()).contains("eqm-gd | eqm-nag").contains("sampler.kind is ddpm");
    }

    @Test
    void shouldAcceptALearnedEqmObjectiveWithAnEqmSampler() {
        RunSpec spec = parse("run { " + MOONS + ", model { kind = unet, objective = eqm }, sampler { kind = eqm-nag } }");

        assertThat(spec.model().asLearned().orElseThrow().objective()).isEqualTo(LearnedSpec.Objective.EQM);
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({"ddpm, ve, vp", "ddim, fm, vp", "euler, vp, ve | edm", "heun, fm, ve | edm", "langevin, vp, ve | edm",
            "fm-euler, vp, fm", "fm-heun, edm, fm"})
    void shouldRequireTheSamplersProcess(String sampler, String process, String needed) {
        SpecError error = onlyErrorOf("run { " + MOONS + ", process { kind = " + process + " }, sampler { kind = " + sampler + " } }");

        assertThat(error.message()).isEqualTo("run.sampler.kind = " + sampler + ": needs process.kind = " + needed
                + " (process.kind is " + process + ")");
    }

    @Test
    void shouldRequireSubsetPartBelowItsCount() {
        SpecError error = onlyErrorOf("run { data { kind = moons, subset { part = 2, of = 2 } } }");

        assertThat(error.message()).isEqualTo("run.data.subset.part = 2: expected an integer < subset.of = 2");
    }

    @Test
    void shouldRequireKlNeighboursBelowParticles() {
        List<SpecError> errors = errorsOf("run { " + MOONS + ", particles = 5, analyses = [ { kind = kl, k = 5 }, { kind = kl, k = 0 } ] }");

        assertThat(errors).extracting(SpecError::message).containsExactly(
                "run.analyses[1].kind = kl: already used by analyses[0]; each kind at most once",
                "run.analyses[1].k = 0: expected an integer in [1, 2147483647]",
                "run.analyses[0].k = 5: expected an integer < min(particles, data.n) = 5");
    }

    @Test
    void shouldDropTheDefaultKlWithANoteWhenTooFewParticles() {
        RunSpec spec = parse("run { " + MOONS + ", particles = 1 }");

        assertThat(spec.analyses()).isEmpty();
        assertThat(spec.notes()).containsExactly("dropped default analysis kl: k = 5 needs particles > 5 (particles = 1)");
        assertThat(SpecRenderer.render(spec))
                .startsWith("# dropped default analysis kl: k = 5 needs particles > 5 (particles = 1)\nrun {")
                .contains("analyses = []");
    }

    @Test
    void shouldDropTheDefaultKlWhenTooFewDataPoints() {
        RunSpec spec = parse("run { data { kind = moons, n = 3 }, particles = 100 }");

        assertThat(spec.analyses()).isEmpty();
        assertThat(spec.notes()).containsExactly("dropped default analysis kl: k = 5 needs data.n > 5 (data.n = 3)");
    }

    @Test
    void shouldKeepTheDefaultKlWithoutNotesWhenItApplies() {
        RunSpec spec = parse("run { " + MOONS + ", particles = 6 }");

        assertThat(spec.analyses()).containsExactly(new AnalysisSpec.Kl(5, 2));
        assertThat(spec.notes()).isEmpty();
        assertThat(SpecRenderer.render(spec)).startsWith("run {");
    }

    @Test
    void shouldStillRejectAnExplicitKlThatCannotApply() {
        SpecError error = onlyErrorOf("run { " + MOONS + ", particles = 1, analyses = [ { kind = kl } ] }");

        assertThat(error.message()).isEqualTo("run.analyses[0].k = 5: expected an integer < min(particles, data.n) = 1");
    }

    @Test
    void shouldReadTheRenderedSpecOfADroppedDefaultAsTheSameRun() {
        RunSpec spec = parse("run { " + MOONS + ", particles = 1 }");
        RunSpec again = parse(SpecRenderer.render(spec));

        // the rendered text says analyses = [] outright, so it needs no note
        assertThat(again.notes()).isEmpty();
        assertThat(again).isEqualTo(new RunSpec(spec.name(), spec.seed(), spec.particles(), spec.batchSize(), spec.data(),
                spec.process(), spec.model(), spec.sampler(), spec.analyses(), spec.recordEvery(), spec.checkpointEvery()));
    }

    @Test
    void shouldNotReadTheAnalysesWhenLoadingForTheModelAlone(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("probe.conf"), "run { " + MOONS + ", particles = 1, "
                + "analyses = [ { kind = kl, k = 5 }, { kind = no-such-analysis } ] }");

        RunSpec spec = SpecLoader.loadWithoutAnalyses(file);

        assertThat(spec.analyses()).isEmpty();
        assertThat(spec.notes()).isEmpty();
        assertThat(spec.particles()).isEqualTo(1);
    }

    @Test
    void shouldRequireDdimStepsWithinTheChain() {
        SpecError error = onlyErrorOf("run { " + MOONS + ", sampler { kind = ddim, steps = 101 } }");

        assertThat(error.key()).isEqualTo("run.sampler.steps");
        assertThat(error.expected()).contains("chain length 100");
    }

    @Test
    void shouldRequireOrderedSigmas() {
        SpecError error = onlyErrorOf("run { " + MOONS + ", process { kind = edm, sigma-min = 2, sigma-max = 1 }, sampler { kind = heun } }");

        assertThat(error.message()).isEqualTo("run.process.sigma-max = 1: expected a number > sigma-min = 2");
    }

    @Test
    void shouldRequireADensityHeadForModelHeadGuidance() {
        SpecError error = onlyErrorOf("run { " + MOONS + ", sampler { guidance { kind = fixed, density = model-head } } }");

        assertThat(error.key()).isEqualTo("run.sampler.guidance.density");
        assertThat(error.expected()).contains("density-head = true");
    }

    @Test
    void shouldRequireImagesForPatchModelsAndFlips() {
        List<SpecError> errors = errorsOf("run { " + MOONS + ", model { kind = patch-empirical }, "
                + "analyses = [ { kind = denoiser-agreement, model { kind = empirical, flip = true } } ] }");

        assertThat(errors).extracting(SpecError::key).containsExactly("run.model.kind", "run.analyses[0].model.flip");
    }

    @Test
    void shouldRequirePairedAnalysisToGiveSamplerOrModel() {
        SpecError error = onlyErrorOf("run { " + MOONS + ", analyses = [ { kind = paired } ] }");

        assertThat(error.key()).isEqualTo("run.analyses[0].kind");
        assertThat(error.expected()).contains("sampler { ... }").contains("model { ... }");
    }

    @Test
    void shouldCheckThePairedSamplerAgainstTheRunsProcess() {
        SpecError error = onlyErrorOf("run { " + MOONS + ", analyses = [ { kind = paired, sampler { kind = euler } } ] }");

        assertThat(error.message()).isEqualTo("run.analyses[0].sampler.kind = euler: needs process.kind = ve | edm (process.kind is vp)");
    }

    @Test
    void shouldFillThePairedAnalysisWithTheRunsOwnModel() {
        RunSpec spec = parse("run { " + MOONS + ", model { kind = wiener, rank = 1 }, analyses = [ { kind = paired, sampler { kind = ddim } } ] }");

        assertThat(spec.analyses()).containsExactly(new AnalysisSpec.Paired(
                new SamplerSpec.Ddim(0, SamplerSpec.Spacing.LINSPACE, 0), new ModelSpec.Wiener(1)));
    }

    @Test
    void shouldAcceptTheThreeCovarianceForms() {
        RunSpec spec = parse("run { data { kind = gmm, components = ["
                + "{ weight = 1, mean = [0, 0], cov = 0.01 },"
                + "{ weight = 2, mean = [1, 1], cov = [0.5, 0] },"
                + "{ weight = 0, mean = [1, -1], cov = [[2, 0.5], [0.5, 1]] },"
                + "{ mean = [3, 3], cov = [[1, 1], [1, 1]] } ] } }");

        DataSpec.Gmm gmm = (DataSpec.Gmm) spec.data();
        assertThat(gmm.dim()).isEqualTo(2);
        assertThat(gmm.components()).extracting(GmmComponent::cov).containsExactly(
                new Isotropic(0.01), new Diagonal(List.of(0.5, 0.0)), new Full(List.of(List.of(2.0, 0.5), List.of(0.5, 1.0))),
                new Full(List.of(List.of(1.0, 1.0), List.of(1.0, 1.0))));
        assertThat(gmm.components().get(3).weight()).isEqualTo(1);
    }

    @ParameterizedTest(name = "cov = {0}")
    @CsvSource(delimiter = ';', value = {"-0.1", "[0.1, 0.2, 0.3]", "[[1, 0], [0, -0.5]]", "[[1, 0.5], [0, 1]]", "[[1, 0]]"})
    void shouldRejectCovarianceInconsistentWithTheMean(String cov) {
        SpecError error = onlyErrorOf("run { data { kind = gmm, components = [ { mean = [0, 0], cov = " + cov + " } ] } }");

        assertThat(error.key()).isEqualTo("run.data.components[0].cov");
        assertThat(error.expected()).contains("a list of 2 variances").contains("2x2 symmetric positive semi-definite matrix");
    }

    @Test
    void shouldRejectMeansOfDifferentDimensions() {
        SpecError error = onlyErrorOf("run { data { kind = gmm, components = [ { mean = [0, 0], cov = 1 }, { mean = [0, 0, 0], cov = 1 } ] } }");

        assertThat(error.message()).isEqualTo("run.data.components[1].mean = [0,0,0]: expected 2 numbers, as in components[0].mean");
    }

    @Test
    void shouldRequireComponentsOrGeometryButNotBoth() {
        SpecError neither = onlyErrorOf("run { data { kind = gmm } }");
        SpecError both = onlyErrorOf("run { data { kind = gmm, geometry = spiral-2d, components = [ { mean = [0, 0], cov = 1 } ] } }");

        assertThat(neither.expected()).contains("or a geometry");
        assertThat(both.expected()).contains("not both");
    }

    @Test
    void shouldTakeTheDimensionOfHighDimensionalGeometriesOnly() {
        RunSpec spec = parse("run { data { kind = gmm, geometry = thin-manifold, dim = 50 } }");
        SpecError error = onlyErrorOf("run { data { kind = gmm, geometry = spiral-2d, dim = 50 } }");

        assertThat(((DataSpec.Gmm) spec.data()).dim()).isEqualTo(50);
        assertThat(error.message()).isEqualTo(
                "run.data.dim = 50: applies only to geometry = hd-sharpcov | hd-uniform | thin-manifold");
    }
}
