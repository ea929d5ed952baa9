package io.diffusim.actors.cli;

import com.typesafe.config.ConfigFactory;
import io.diffusim.actors.daemon.DaemonFile;
import io.diffusim.actors.runtime.DaemonSettings;
import io.diffusim.actors.runtime.OutputChecksums;
import io.diffusim.actors.store.StoreCheck;
import io.diffusim.actors.store.StoreCheck.Finding;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fsck [--data-dir D]} (docs/user-guide.md): reports, one line each, what in a data directory is intact and what
 * is damaged: the state store's map files, entry by entry ({@link StoreCheck}), what the daemon set aside, and every
 * ended run's output directory against its checksums. Changes nothing; refuses a directory a daemon owns. Exit 0 when
 * all is intact, 1 when something is damaged, 2 for a directory it cannot check.
 */
@Command(name = "fsck", mixinStandardHelpOptions = true,
        description = "Check a data directory's store and run outputs; report what is intact and what is damaged.")
final class FsckCommand implements Callable<Integer> {

    @Option(names = "--data-dir", paramLabel = "D", description = "Data directory to check (default: ~/.diffusim).")
    Path dataDir = DaemonFile.defaultDataDir();

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws IOException {
        List<Finding> findings = new ArrayList<>(StoreCheck.run(dataDir));
        findings.addAll(outputs(DaemonSettings.from(ConfigFactory.load(), dataDir.toAbsolutePath().normalize())
                .runsDirectory()));
        PrintWriter out = command.commandLine().getOut();
        findings.forEach(finding -> out.println(finding.line()));
        long damaged = findings.stream().filter(finding -> !finding.intact()).count();
        out.println(damaged == 0 ? "all intact" : damaged + " damaged");
        out.flush();
        return damaged == 0 ? ExitCode.OK : ExitCode.FAILURE;
    }

    private static List<Finding> outputs(Path runs) throws IOException {
        if (!Files.isDirectory(runs)) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(runs)) {
            for (Path run : dirs.filter(Files::isDirectory).sorted().toList()) {
                if (!Files.exists(run.resolve("checksums.sha256"))) {
                    continue; // a failed or stopped run's directory holds its manifest alone
                }
                try {
                    OutputChecksums.verify(run);
                    findings.add(new Finding(run.toString(), true, "every file matches checksums.sha256"));
                } catch (IllegalStateException e) {
                    findings.add(new Finding(run.toString(), false, e.getMessage()));
                }
            }
        }
        return findings;
    }
}
