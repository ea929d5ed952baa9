package io.diffusim.actors.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.diffusim.actors.daemon.DaemonFile;
import io.diffusim.actors.models.ModelRegistry;
import io.diffusim.actors.models.RegisteredModel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code models [--json]} (docs/user-guide.md "Models"): the trained networks registered in a data directory, one
 * line each. Reads the registry's files, so it works with or without a daemon running.
 */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "List the trained models registered in the data directory (job = train registers them).")
final class ModelsCommand implements Callable<Integer> {

    @Option(names = "--json", description = "A JSON array of the models' descriptions.")
    boolean json;

    @Option(names = "--data-dir", paramLabel = "D", description = "Data directory (default: ~/.diffusim).")
    Path dataDir = DaemonFile.defaultDataDir();

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws Exception {
        ModelRegistry registry = ModelRegistry.of(dataDir);
        List<RegisteredModel> models = registry.list();
        PrintWriter out = command.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().writeValueAsString(models));
        } else if (models.isEmpty()) {
            out.println("no models registered in " + registry.directory() + " (a spec with job = train registers one)");
        } else {
            out.printf("%-20s %-34s %-9s %8s %10s  %s%n", "NAME", "ARCHITECTURE", "OBJECTIVE", "STEPS", "FINAL LOSS",
                    "DATA");
            for (RegisteredModel m : models) {
                out.printf("%-20s %-34s %-9s %8d %10.4f  %s%n", m.name(), m.architecture(), m.objective(), m.steps(),
                        m.finalLoss(), m.data());
            }
        }
        out.flush();
        return ExitCode.OK;
    }
}
