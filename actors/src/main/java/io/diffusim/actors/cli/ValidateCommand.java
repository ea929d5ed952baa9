package io.diffusim.actors.cli;

import io.diffusim.config.SpecLoader;
import io.diffusim.config.SpecRenderer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code validate SPEC}: the fully resolved spec on stdout, or every error in it (exit 2). */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Print the fully resolved SPEC (every default filled in), or every error in it.")
final class ValidateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SPEC", description = "Run spec (HOCON).")
    Path spec;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        command.commandLine().getOut().print(SpecRenderer.render(SpecLoader.load(spec)));
        command.commandLine().getOut().flush();
        return ExitCode.OK;
    }
}
