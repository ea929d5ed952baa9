package io.diffusim.actors.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code --help} and {@code --version} succeed and print on stdout (docs/user-guide.md: all commands take --help). */
class HelpAndVersionTest {

    @Test
    void shouldPrintTheVersion() {
        Cli result = Cli.run("--version");
        assertThat(result.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(result.out()).startsWith("diffusim ").contains("Java ");
    }

    @Test
    void shouldListEveryCommandInTheHelp() {
        Cli result = Cli.run("--help");
        assertThat(result.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(result.out()).contains("demo", "run", "validate", "probe", "metric", "--verbose");
    }

    @Test
    void shouldGiveHelpForEachCommand() {
        for (String command : new String[] {"demo", "run", "validate", "probe", "metric"}) {
            Cli result = Cli.run(command, "--help");
            assertThat(result.exitCode()).as(command).isEqualTo(ExitCode.OK);
            assertThat(result.out()).as(command).contains("Usage: diffusim " + command);
        }
    }

    @Test
    void shouldRefuseAnUnknownCommandWhateverFollowsIt() {
        for (String[] args : new String[][] {{"report"}, {"report", "--help"}, {"--verbose", "report", "--help"},
                {"report", "run-1", "--json"}}) {
            Cli result = Cli.run(args);
            assertThat(result.exitCode()).as(String.join(" ", args)).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(result.errLines()).as(String.join(" ", args)).singleElement().asString()
                    .startsWith("diffusim: unknown command 'report' (commands: demo, run, ").endsWith("; see --help)");
            assertThat(result.out()).isEmpty();
        }
    }
}
