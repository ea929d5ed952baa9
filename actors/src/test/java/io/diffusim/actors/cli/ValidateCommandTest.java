package io.diffusim.actors.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffusim.config.SpecLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validate SPEC} (docs/user-guide.md): the resolved spec, or every error in it, one line each. */
class ValidateCommandTest {

    @TempDir
    Path dir;

    @Test
    void shouldPrintEveryMistakeOnItsOwnLine() {
        Path spec = SpecFiles.write(dir, "three.conf", """
                run {
                  particles = 0
                  data { kind = moons }
                  sampler { kind = ddim, steps = -5 }
                  analyses = [ { kind = kl, k = 0 } ]
                }
                """);
        Cli result = Cli.run("validate", spec.toString());
        assertThat(result.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(result.out()).isEmpty();
        assertThat(result.errLines()).hasSize(3);
        assertThat(result.errLines().get(0)).startsWith("diffusim: run.particles = 0");
        assertThat(result.errLines().get(1)).startsWith("diffusim: run.sampler.steps = -5");
        assertThat(result.errLines().get(2)).startsWith("diffusim: run.analyses[0].k = 0");
        assertThat(result.err()).doesNotContain("\tat ");
    }

    @Test
    void shouldPrintTheResolvedSpecWithEveryDefault() {
        Path spec = SpecFiles.write(dir, "good.conf", "run { data { kind = moons } }\n");
        Cli result = Cli.run("validate", spec.toString());
        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.OK);
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).contains("batch-size", "record-every", "checkpoint-every", "timesteps", "beta-max");
        // the printed spec is itself a valid spec that means the same run
        assertThat(SpecLoader.parse(result.out(), dir)).isEqualTo(SpecLoader.load(spec));
    }

    @Test
    void shouldPrintTheK10SpecWithTheDroppedDefaultAnalysisNoted() {
        Path spec = SpecFiles.k10Spec(dir);
        Cli result = Cli.run("validate", spec.toString());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.OK);
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).startsWith("# dropped default analysis kl: k = 5 needs particles > 5 (particles = 1)\n")
                .contains("particles = 1", "analyses = []");
        assertThat(SpecLoader.parse(result.out(), dir).analyses()).isEmpty();
    }
}
