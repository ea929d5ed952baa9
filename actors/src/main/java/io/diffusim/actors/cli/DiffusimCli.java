package io.diffusim.actors.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Entry point of {@code bin/diffusim}: parses argv into subcommands (docs/user-guide.md command table) and maps
 * failures to one line on stderr plus the documented exit code; {@code --verbose} adds the stack trace.
 */
@Command(name = "diffusim", mixinStandardHelpOptions = true, versionProvider = Versions.class,
        description = "Simulate and analyse how diffusion models denoise.",
        subcommands = {DemoCommand.class, RunCommand.class, TrainCommand.class, ValidateCommand.class, ProbeCommand.class,
                MetricCommand.class, DaemonCommand.class, SubmitCommand.class, ListCommand.class, StatusCommand.class,
                PauseCommand.class, ResumeCommand.class, StopCommand.class, WatchCommand.class, ExportCommand.class,
                ModelsCommand.class, HeatMapsCommand.class, FsckCommand.class, CompletionCommand.class,
                CommandLine.HelpCommand.class})
public final class DiffusimCli {

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Show stack traces and library logs.")
    void setVerbose(boolean verbose) {
        Verbosity.set(verbose);
    }

    public static void main(String[] args) {
        CliRuntime.startEarly(args);
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command line with the given streams; returns the exit code (for tests and the launcher). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        // picocli calls the --verbose setter only when the option is given, so an earlier command line's must not linger
        Verbosity.set(false);
        CommandLine cli = new CommandLine(new DiffusimCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, argv) -> {
            err.println("diffusim: " + ex.getMessage() + " (see --help)");
            return ExitCode.BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> report(ex, err));
        String unknown = unknownCommand(cli, args);
        if (unknown != null) {
            // checked before parsing: picocli would let a --help after it print the top-level help and exit 0
            err.println("diffusim: unknown command '" + unknown + "' (commands: "
                    + String.join(", ", cli.getSubcommands().keySet()) + "; see --help)");
            err.flush();
            return ExitCode.BAD_INPUT;
        }
        try {
            return cli.execute(args);
        } catch (Error e) {
            // picocli passes Errors through (a missing native backend, out of memory): still one line, exit 1
            return report(e, err);
        }
    }

    /** The first word that is not an option, when it names no command; else null. */
    private static String unknownCommand(CommandLine cli, String[] args) {
        for (String arg : args) {
            if (!arg.startsWith("-")) {
                return cli.getSubcommands().containsKey(arg) ? null : arg;
            }
        }
        return null;
    }

    private static int report(Throwable ex, PrintWriter err) {
        ErrorReport report = ErrorReport.of(ex);
        report.lines().forEach(line -> err.println("diffusim: " + line));
        if (Verbosity.verbose()) {
            ex.printStackTrace(err);
        }
        err.flush();
        return report.exitCode();
    }
}
