package io.diffusim.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HOCON include in a spec: files of the spec's own directory only; URLs, the classpath and paths outside refused. */
class SpecIncludeTest {

    @TempDir
    Path dir;

    private Path spec(String text) throws IOException {
        Path specs = Files.createDirectories(dir.resolve("specs"));
        return Files.writeString(specs.resolve("run.conf"), text);
    }

    private String onlyError(Path file) {
        return catchThrowableOfType(() -> SpecLoader.load(file), SpecException.class).errors().get(0).message();
    }

    @Test
    void shouldIncludeAFileBesideTheSpec() throws IOException {
        Files.createDirectories(dir.resolve("specs"));
        Files.writeString(dir.resolve("specs").resolve("common.conf"), "particles = 12");
        RunSpec run = SpecLoader.load(spec("run { include \"common.conf\"\n data { kind = moons } }"));
        assertThat(run.particles()).isEqualTo(12);
    }

    @Test
    void shouldRefuseIncludesThatLeaveTheSpecsDirectory() throws IOException {
        Files.writeString(dir.resolve("outside.conf"), "particles = 12");
        assertThat(onlyError(spec("run { include \"../outside.conf\"\n data { kind = moons } }")))
                .contains("include \"../outside.conf\": outside the spec's directory");
        assertThat(onlyError(spec("run { include file(\"/etc/hostname\")\n data { kind = moons } }")))
                .contains("include \"/etc/hostname\": outside the spec's directory");
        assertThat(onlyError(spec("run { include url(\"http://127.0.0.1:9/spec.conf\")\n data { kind = moons } }")))
                .contains("include url(http://127.0.0.1:9/spec.conf): a spec may include files in its own directory only");
        assertThat(onlyError(spec("run { include classpath(\"reference.conf\")\n data { kind = moons } }")))
                .contains("include classpath(reference.conf)");
    }

    @Test
    void shouldRefuseAnIncludeInTextWithoutADirectory() {
        SpecException refused = catchThrowableOfType(() -> SpecLoader.parse(
                "run { include \"common.conf\"\n data { kind = moons } }", null), SpecException.class);
        assertThat(refused.errors().get(0).message()).contains("this spec has no directory to include from");
    }
}
