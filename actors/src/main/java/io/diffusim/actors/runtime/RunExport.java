package io.diffusim.actors.runtime;

import io.diffusim.actors.protocol.FrontDoorCommand.ExportFailed;
import io.diffusim.actors.protocol.FrontDoorCommand.ExportReply;
import io.diffusim.actors.protocol.FrontDoorCommand.Exported;
import io.diffusim.analysis.run.RunFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.stream.Stream;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * {@code export RUN --out DIR} on the daemon's side: copies the output directory the run wrote when it ended
 * (docs/user-guide.md layout) to {@code DIR}, replacing the files an earlier run there wrote; the copy runs on the given
 * executor and answers the requester itself.
 */
final class RunExport {

    private RunExport() {
    }

    static void start(Path source, String outDirectory, ActorRef<ExportReply> replyTo, Executor executor) {
        CompletableFuture.supplyAsync(() -> copy(source, outDirectory), executor).whenComplete((out, failure) ->
                replyTo.tell(failure == null ? new Exported(out) : new ExportFailed(Failures.message(failure))));
    }

    private static String copy(Path source, String outDirectory) {
        if (!Files.isDirectory(source)) {
            throw new IllegalStateException("the output of the run is missing: no directory " + source);
        }
        OutputChecksums.verify(source);
        Path out = Path.of(outDirectory).toAbsolutePath().normalize();
        try {
            RunFiles.prepare(out);
            List<Path> files;
            try (Stream<Path> walk = Files.walk(source)) {
                files = walk.filter(Files::isRegularFile).toList();
            }
            for (Path file : files) {
                Path target = out.resolve(source.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("export to " + out + " failed: " + e.getMessage(), e);
        }
        return out.toString();
    }
}
