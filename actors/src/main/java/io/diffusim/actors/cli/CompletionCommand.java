package io.diffusim.actors.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code completion bash}: a completion script generated from the command definitions themselves, so it never lags
 * behind them (zsh reads it after {@code autoload -U bashcompinit && bashcompinit}).
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = "Print the shell completion script of every command and option: source <(bin/diffusim completion bash)")
final class CompletionCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SHELL", description = "bash (zsh: after autoload -U bashcompinit && bashcompinit)")
    String shell;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        if (!shell.equals("bash")) {
            throw new BadInputException("no completion for shell '" + shell + "': expected bash (zsh reads it too)");
        }
        command.commandLine().getOut().print(AutoComplete.bash("diffusim", command.root().commandLine()));
        command.commandLine().getOut().flush();
        return ExitCode.OK;
    }
}
