package io.diffusim.actors.cli;

import io.diffusim.analysis.run.LocalRun;
import io.diffusim.analysis.run.RunResult;
import io.diffusim.config.SpecLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code demo}: the main job on embedded defaults. Runs {@code examples/demo.conf} (two moons, the optimal
 * empirical denoiser, DDPM, KL) in this process with live progress, then prints the summary and where the
 * outputs are.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run examples/demo.conf (moons, empirical denoiser, DDPM, KL) with live progress and print the summary.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: diffusim-demo under the temp directory).")
    Path out = Path.of(System.getProperty("java.io.tmpdir"), "diffusim-demo");

    @Option(names = "--exit-when-done", description = "Stop after the run (the in-process demo always does).")
    boolean exitWhenDone;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws Exception {
        Path spec = Path.of(System.getProperty("diffusim.home", "."), "examples", "demo.conf");
        if (!Files.isRegularFile(spec)) {
            throw new BadInputException("no such file: " + spec + " (run the demo through bin/diffusim)");
        }
        command.commandLine().getErr().println("diffusim demo: " + spec + " -> " + out.toAbsolutePath());
        CliRuntime.init();
        RunResult result = new LocalRun(SpecLoader.load(spec), out,
                new ConsoleProgress(command.commandLine().getErr(), System.console() != null)).run();
        RunSummaryPrinter.print(result, command.commandLine().getOut());
        return ExitCode.OK;
    }
}
