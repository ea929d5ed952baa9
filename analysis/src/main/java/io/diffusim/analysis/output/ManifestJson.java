package io.diffusim.analysis.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Writes and reads {@code manifest.json} (docs/user-guide.md "The output directory", docs/style.md habit 4: the seed and the
 * library versions go into the run record so any run can be replayed). Times are ISO-8601 UTC instants;
 * {@code end} is null while the run has not ended.
 */
public final class ManifestJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * The manifest of one run.
     *
     * @param runId       the run id
     * @param seed        the run seed
     * @param diffusim    diffusim version
     * @param nd4jBackend the ND4J backend in use (e.g. {@code CpuBackend})
     * @param java        Java runtime version
     * @param start       start time
     * @param end         end time, or null while running
     * @param status      run state (queued, running, paused, done, failed, stopped)
     * @param error       why a failed run failed (one line), else null
     */
    public record Manifest(String runId, long seed, String diffusim, String nd4jBackend, String java,
                           Instant start, Instant end, String status, String error) {

        /** A manifest without an error. */
        public Manifest(String runId, long seed, String diffusim, String nd4jBackend, String java, Instant start,
                Instant end, String status) {
            this(runId, seed, diffusim, nd4jBackend, java, start, end, status, null);
        }

        public Manifest {
            if (runId == null || runId.isBlank()) {
                throw new IllegalArgumentException("runId must not be blank");
            }
            if (start == null) {
                throw new IllegalArgumentException("start must not be null");
            }
            if (status == null || status.isBlank()) {
                throw new IllegalArgumentException("status must not be blank");
            }
        }
    }

    private ManifestJson() {
    }

    /** Writes the manifest (replacing any previous one). */
    public static void write(Path file, Manifest manifest) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("run-id", manifest.runId());
        root.put("seed", manifest.seed());
        ObjectNode versions = root.putObject("versions");
        versions.put("diffusim", manifest.diffusim());
        versions.put("nd4j-backend", manifest.nd4jBackend());
        versions.put("java", manifest.java());
        root.put("start", manifest.start().toString());
        root.put("end", manifest.end() == null ? null : manifest.end().toString());
        root.put("status", manifest.status());
        root.put("error", manifest.error());
        OutputFiles.createParent(file);
        MAPPER.writeValue(file.toFile(), root);
    }

    /** Reads a file written by {@link #write}. */
    public static Manifest read(Path file) throws IOException {
        JsonNode root = MAPPER.readTree(file.toFile());
        JsonNode versions = root.path("versions");
        JsonNode end = root.path("end");
        return new Manifest(root.path("run-id").asText(null), root.path("seed").asLong(), versions.path("diffusim").asText(null),
                versions.path("nd4j-backend").asText(null), versions.path("java").asText(null),
                Instant.parse(root.path("start").asText()), end.isMissingNode() || end.isNull() ? null : Instant.parse(end.asText()),
                root.path("status").asText(null), root.path("error").isTextual() ? root.path("error").asText() : null);
    }
}
