package io.diffusim.actors.cli;

import io.diffusim.actors.daemon.DaemonFile;
import io.diffusim.actors.models.ModelRegistry;
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

    @Option(names = "--data-dir", paramLabel = "D",
            description = "Data directory whose registered models the spec may name (default: ~/.diffusim).")
    Path dataDir = DaemonFile.defaultDataDir();

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws Exception {
        RunSpec run = SpecLoader.load(spec);
        if (run.job() == RunSpec.Job.TRAIN) {
            throw new BadInputException("job = train: train in this process with bin/diffusim train " + spec
                    + ", or on the daemon with bin/diffusim submit " + spec);
        }
        try {
            run = ModelRegistry.of(dataDir).resolve(run);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
        CliRuntime.init();
        RunResult result = new LocalRun(run, out,
                new ConsoleProgress(command.commandLine().getErr(), System.console() != null)).run();
        RunSummaryPrinter.print(result, command.commandLine().getOut());
        return ExitCode.OK;
    }
}
