package io.diffusim.actors.runtime;

import io.diffusim.analysis.output.ManifestJson;
import io.diffusim.analysis.run.RunManifests;
import io.diffusim.config.RunSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code manifest.json} of a run that failed or was stopped, saying so (and why, for a failure): the one file
 * such a run leaves in its output directory (its metric records stay in the store). Written off the actor's thread.
 */
final class EndedRunManifest {

    private static final Logger LOG = LoggerFactory.getLogger(EndedRunManifest.class);

    private EndedRunManifest() {
    }

    static void write(Path runDirectory, String runId, RunSpec spec, long submittedNs, String state, String error,
            Executor work) {
        ManifestJson.Manifest manifest = RunManifests.of(runId, spec, Instant.ofEpochSecond(0, submittedNs),
                Instant.now(), state, error);
        CompletableFuture.runAsync(() -> {
            try {
                ManifestJson.write(runDirectory.resolve("manifest.json"), manifest);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, work).exceptionally(failure -> {
            LOG.warn("run {}: cannot write its manifest.json: {}", runId, Failures.message(failure));
            return null;
        });
    }
}
