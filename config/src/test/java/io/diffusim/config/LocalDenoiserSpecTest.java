package io.diffusim.config;

import static io.diffusim.config.SpecTexts.errorsOf;
import static io.diffusim.config.SpecTexts.onlyErrorOf;
import static io.diffusim.config.SpecTexts.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The keys of the local denoisers and their image data (docs/spec-reference.md model, data; docs/science.md §3.6). */
class LocalDenoiserSpecTest {

    private static final String FASHION = "data { kind = fashion-mnist }";

    @Test
    void shouldReadThePspcScheduleAndRenderItBack() {
        RunSpec spec = parse("run { " + FASHION + ", model { kind = patch-empirical, patch-schedule = pspc, flip = true } }");

        assertThat(spec.model()).isEqualTo(new ModelSpec.PatchEmpirical(5, Optional.of(new LevelSchedule.Pspc()), 1, true));
        String rendered = SpecRenderer.render(spec);
        assertThat(rendered).contains("patch-schedule = \"pspc\"").doesNotContain("patch = ");
        assertThat(parse(rendered)).isEqualTo(spec);
    }

    @Test
    void shouldReadAUsersPatchTableInItsOrderAndRoundTripIt() {
        RunSpec spec = parse("run { " + FASHION + ", model { kind = patch-empirical, patch-schedule = [[10, 28], [1.5, 9], [0.1, 3]] } }");

        ModelSpec.PatchEmpirical patch = (ModelSpec.PatchEmpirical) spec.model();
        assertThat(patch.schedule()).contains(new LevelSchedule.Table(List.of(new LevelSchedule.Level(10, 28),
                new LevelSchedule.Level(1.5, 9), new LevelSchedule.Level(0.1, 3))));
        assertThat(SpecRenderer.render(spec)).contains("patch-schedule = [[10.0, 28], [1.5, 9], [0.1, 3]]");
        assertThat(parse(SpecRenderer.render(spec))).isEqualTo(spec);
    }

    @Test
    void shouldRenderAFixedPatchWithANullSchedule() {
        RunSpec spec = parse("run { " + FASHION + ", model { kind = patch-empirical, patch = 7 } }");

        assertThat(SpecRenderer.render(spec)).contains("patch = 7").contains("patch-schedule = null").contains("flip = false");
    }

    @Test
    void shouldRefuseAFixedPatchAndAScheduleTogether() {
        SpecError error = onlyErrorOf("run { " + FASHION + ", model { kind = patch-empirical, patch = 7, patch-schedule = pspc } }");

        assertThat(error.key()).isEqualTo("run.model.patch-schedule");
        assertThat(error.expected()).contains("exclude each other");
    }

    @Test
    void shouldRefuseMalformedPatchTables() {
        for (String bad : List.of("[[1, 2.5]]", "[[0, 3]]", "[[1, 3], [1, 5]]", "[[1]]", "[]", "square")) {
            SpecError error = onlyErrorOf("run { " + FASHION + ", model { kind = patch-empirical, patch-schedule = " + bad + " } }");

            assertThat(error.key()).as(bad).isEqualTo("run.model.patch-schedule");
            assertThat(error.expected()).as(bad).contains("pspc or [[sigma, value], ...]");
        }
    }

    @Test
    void shouldRefusePatchesLargerThanFashionMnistImages() {
        SpecError fixed = onlyErrorOf("run { " + FASHION + ", model { kind = patch-empirical, patch = 29 } }");
        SpecError table = onlyErrorOf("run { " + FASHION + ", model { kind = patch-empirical, patch-schedule = [[1, 30], [0.1, 3]] } }");

        assertThat(fixed.message()).isEqualTo("run.model.patch = 29: expected patch sizes <= 28 (the image side)");
        assertThat(table.message()).isEqualTo("run.model.patch-schedule = 30: expected patch sizes <= 28 (the image side)");
    }

    @Test
    void shouldReadPatchFlexWithItsDefaultsAndAHeatMapFile() {
        RunSpec plain = parse("run { " + FASHION + ", model { kind = patch-flex } }");
        RunSpec own = parse("run { " + FASHION + ", model { kind = patch-flex, heat-maps = \"heat.npy\", "
                + "tau-schedule = [[5, 0.5], [1, 1]], heat-std = 3 } }");

        assertThat(plain.model()).isEqualTo(new ModelSpec.PatchFlex(new LevelSchedule.Pspc(), Optional.empty(), 2, false));
        ModelSpec.PatchFlex flex = (ModelSpec.PatchFlex) own.model();
        assertThat(flex.heatMaps()).contains(Path.of("/specs/heat.npy"));
        assertThat(flex.tau()).isEqualTo(new LevelSchedule.Table(List.of(new LevelSchedule.Level(5, 0.5),
                new LevelSchedule.Level(1, 1))));
        assertThat(parse(SpecRenderer.render(own))).isEqualTo(own);
        assertThat(onlyErrorOf("run { " + FASHION + ", model { kind = patch-flex, tau-schedule = [[1, 0]] } }").key())
                .isEqualTo("run.model.tau-schedule");
    }

    @Test
    void shouldGiveEveryDataBasedModelFlipOffByDefaultAndWienerAFlip() {
        for (String kind : List.of("empirical", "empirical-unconditional", "patch-empirical", "patch-flex", "wiener")) {
            assertThat(parse("run { " + FASHION + ", model { kind = " + kind + " } }").model().flip()).as(kind).isFalse();
        }
        RunSpec wiener = parse("run { " + FASHION + ", model { kind = wiener, flip = true, rank = 10 } }");

        assertThat(wiener.model()).isEqualTo(new ModelSpec.Wiener(10, true));
        assertThat(parse(SpecRenderer.render(wiener))).isEqualTo(wiener);
    }

    @Test
    void shouldRefuseFlipsOfWienerOnPointsAndARankAboveTheFashionMnistDimension() {
        List<SpecError> errors = errorsOf("run { data { kind = moons }, model { kind = wiener, flip = true } }");
        SpecError rank = onlyErrorOf("run { " + FASHION + ", model { kind = wiener, rank = 785 } }");

        assertThat(errors).extracting(SpecError::key).containsExactly("run.model.flip");
        assertThat(rank.message()).isEqualTo("run.model.rank = 785: expected an integer <= 784 (the data dimension; 0 = all)");
    }

    @Test
    void shouldAcceptPatchModelsOnEveryImageKind() {
        for (String data : List.of("data { kind = idx, path = \"m.idx\" }", "data { kind = png, dir = \"pngs\" }",
                "data { kind = npy, path = \"a.npy\", layout = nhwc }")) {
            RunSpec spec = parse("run { " + data + ", model { kind = patch-empirical, patch-schedule = pspc, flip = true } }");

            assertThat(spec.model().kind()).isEqualTo(ModelSpec.Kind.PATCH_EMPIRICAL);
            assertThat(parse(SpecRenderer.render(spec))).as(data).isEqualTo(spec);
        }
    }

    @Test
    void shouldReadImageDataKindsWithTheirLayoutAndScale() {
        RunSpec spec = parse("run { data { kind = npy, path = \"a.npy\", layout = nhwc, scale = [0, 1], n = 10 } }");

        assertThat(spec.data()).isEqualTo(new DataSpec.Npy(10, new Subset(0, 1), Path.of("/specs/a.npy"), DataSpec.Layout.NHWC,
                new DataSpec.Interval(0, 1)));
        assertThat(onlyErrorOf("run { data { kind = idx, path = \"a\", layout = chw } }").key()).isEqualTo("run.data.layout");
        assertThat(onlyErrorOf("run { data { kind = png } }").message()).isEqualTo("run.data.dir: missing; expected a file path");
    }

    @Test
    void shouldAllowOneDenoiserAgreementPerLabel() {
        String agreements = "analyses = [ { kind = denoiser-agreement, label = wiener, model { kind = wiener } },"
                + " { kind = denoiser-agreement, label = empirical, model { kind = empirical } } ]";
        RunSpec spec = parse("run { " + FASHION + ", model { kind = patch-empirical }, " + agreements + " }");
        SpecError twice = onlyErrorOf("run { " + FASHION + ", analyses = [ { kind = denoiser-agreement, model { kind = wiener } },"
                + " { kind = denoiser-agreement, model { kind = empirical } } ] }");

        assertThat(spec.analyses()).extracting(a -> ((AnalysisSpec.DenoiserAgreement) a).label().orElseThrow())
                .containsExactly("wiener", "empirical");
        assertThat(parse(SpecRenderer.render(spec))).isEqualTo(spec);
        assertThat(twice.key()).isEqualTo("run.analyses[1].kind");
        assertThat(twice.expected()).contains("same label");
        assertThat(onlyErrorOf("run { " + FASHION + ", analyses = [ { kind = denoiser-agreement, label = \"No Way\","
                + " model { kind = wiener } } ] }").key()).isEqualTo("run.analyses[0].label");
    }
}
