package io.diffusim.analysis.run;

import io.diffusim.analysis.output.ManifestJson.Manifest;
import io.diffusim.config.RunSpec;
import java.time.Instant;
import org.nd4j.linalg.factory.Nd4j;

/** The manifest.json of a run: its id, seed, the versions that produced it, and its state. */
public final class RunManifests {

    private RunManifests() {
    }

    static Manifest of(String runId, RunSpec spec, Instant start, Instant end, String status) {
        return of(runId, spec, start, end, status, null);
    }

    /** The manifest of a run that ended as {@code status}, with {@code error} when it failed. */
    public static Manifest of(String runId, RunSpec spec, Instant start, Instant end, String status, String error) {
        String version = RunManifests.class.getPackage().getImplementationVersion();
        return new Manifest(runId, spec.seed(), version == null ? "0.1.0-SNAPSHOT" : version,
                Nd4j.getBackend().getClass().getSimpleName(), System.getProperty("java.version"), start, end, status, error);
    }
}
