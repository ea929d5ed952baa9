package io.diffusim.actors.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code completion bash}, tried in bash itself: the script completes commands and a command's options. */
class CompletionCommandTest {

    @TempDir
    Path dir;

    @Test
    void shouldCompleteCommandsAndOptionsInBash() throws IOException, InterruptedException {
        Cli result = Cli.run("completion", "bash");
        assertThat(result.exitCode()).isEqualTo(ExitCode.OK);
        Path script = dir.resolve("diffusim-completion.bash");
        Files.writeString(script, result.out(), StandardCharsets.UTF_8);
        assertThat(complete(script, "diffusim st")).containsExactlyInAnyOrder("status", "stop");
        assertThat(complete(script, "diffusim submit --w")).containsExactly("--wait");
        assertThat(complete(script, "diffusim list --j")).containsExactly("--json");
    }

    @Test
    void shouldRefuseAShellItCannotServe() {
        Cli result = Cli.run("completion", "fish");
        assertThat(result.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(result.errLines()).singleElement().asString()
                .isEqualTo("diffusim: no completion for shell 'fish': expected bash (zsh reads it too)");
    }

    /** What bash offers for the last word of {@code line}, as when Tab is pressed there. */
    private static String[] complete(Path script, String line) throws IOException, InterruptedException {
        String words = line.replace("'", "");
        Process bash = new ProcessBuilder("bash", "-c", "source '" + script + "'; COMP_LINE='" + words + "';"
                + " COMP_WORDS=(" + words + "); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); COMP_POINT=${#COMP_LINE};"
                + " _complete_diffusim diffusim; printf '%s\\n' \"${COMPREPLY[@]}\"")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start(); // compopt complains outside a real Tab press
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(bash.exitValue()).as(out).isZero();
        return out.lines().map(String::strip).filter(word -> !word.isEmpty()).toArray(String[]::new);
    }
}
