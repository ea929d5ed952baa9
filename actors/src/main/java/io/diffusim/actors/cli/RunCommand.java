package io.diffusim.actors.cli;

import io.diffusim.analysis.run.LocalRun;
import io.diffusim.analysis.run.RunResult;
import io.diffusim.config.RunSpec;
import io.diffusim.config.SpecLoader;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code run SPEC --out DIR}: the run in this process, no daemon (docs/user-guide.md). */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run SPEC in this process (no daemon) and write the output directory DIR.")
final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SPEC", description = "Run spec (HOCON).")
    Path spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (created).")
    Path out;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws Exception {
        RunSpec run = SpecLoader.load(spec);
        CliRuntime.init();
        RunResult result = new LocalRun(run, out,
                new ConsoleProgress(command.commandLine().getErr(), System.console() != null)).run();
        RunSummaryPrinter.print(result, command.commandLine().getOut());
        return ExitCode.OK;
    }
}
