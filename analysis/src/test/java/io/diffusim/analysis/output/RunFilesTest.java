package io.diffusim.analysis.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFilesTest {

    private static final double KL = 0.3412;
    private static final double WALL_SECONDS = 12.5;
    private static final double NFE_MEAN = 100.0;

    @TempDir
    Path dir;

    @Test
    void shouldWriteSummaryWithTheRunspecKeys() throws IOException {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("kl.kl", KL);
        metrics.put("nearest-neighbour.copied-fraction", Double.POSITIVE_INFINITY);
        metrics.put("paired.final-cosine", Double.NaN);
        Path file = dir.resolve("summary.json");
        SummaryJson.write(file, metrics, Map.of("wall-seconds", WALL_SECONDS), NFE_MEAN);

        JsonNode root = new ObjectMapper().readTree(file.toFile());
        assertThat(root.get("metrics").get("kl.kl").asDouble()).isEqualTo(KL);
        assertThat(root.get("metrics").get("nearest-neighbour.copied-fraction").asText()).isEqualTo("Infinity");
        assertThat(root.get("timing").get("wall-seconds").asDouble()).isEqualTo(WALL_SECONDS);
        assertThat(root.get("nfe").get("mean").asDouble()).isEqualTo(NFE_MEAN);

        SummaryJson.Summary summary = SummaryJson.read(file);
        assertThat(summary.value("kl.kl")).isEqualTo(KL);
        assertThat(summary.value("timing.wall-seconds")).isEqualTo(WALL_SECONDS);
        assertThat(summary.value("nfe.mean")).isEqualTo(NFE_MEAN);
        assertThat(summary.value("nearest-neighbour.copied-fraction")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(summary.value("paired.final-cosine")).isNaN();
        assertThat(summary.value("kl.missing")).isNull();
    }

    @Test
    void shouldRejectMalformedSummaryKeys() {
        assertThatThrownBy(() -> SummaryJson.write(dir.resolve("s.json"), Map.of("kl", KL), Map.of(), NFE_MEAN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'kl'");
        assertThatThrownBy(() -> SummaryJson.write(dir.resolve("s.json"), Map.of(), Map.of("timing.wall-seconds", 1.0), NFE_MEAN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bare name");
    }

    @Test
    void shouldAppendMetricsInLongFormat() throws IOException {
        Path file = dir.resolve("metrics.csv");
        try (MetricsCsv csv = MetricsCsv.open(file)) {
            csv.append("kl", "kl", 100, 0.0, KL);
        }
        try (MetricsCsv csv = MetricsCsv.open(file)) {
            csv.append("noise-posterior", "var-t", 3, 0.25, Double.NaN);
        }
        assertThat(Files.readAllLines(file)).containsExactly(MetricsCsv.HEADER, "kl,kl,100,0.0,0.3412", "noise-posterior,var-t,3,0.25,NaN");
        List<MetricsCsv.Row> rows = MetricsCsv.read(file);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).isEqualTo(new MetricsCsv.Row("kl", "kl", 100, 0.0, KL));
        assertThat(rows.get(1).value()).isNaN();
        try (MetricsCsv csv = MetricsCsv.open(file)) {
            assertThatThrownBy(() -> csv.append("a,b", "m", 0, 0, 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a,b'");
        }
    }

    @Test
    void shouldRoundTripTheManifest() throws IOException {
        ManifestJson.Manifest running = new ManifestJson.Manifest("moons-ddpm-0001", 42L, "0.1.0-SNAPSHOT", "CpuBackend", "17.0.15",
                Instant.parse("2025-01-02T03:04:05Z"), null, "running");
        Path file = dir.resolve("manifest.json");
        ManifestJson.write(file, running);
        assertThat(ManifestJson.read(file)).isEqualTo(running);
        ManifestJson.Manifest done = new ManifestJson.Manifest(running.runId(), running.seed(), running.diffusim(), running.nd4jBackend(),
                running.java(), running.start(), Instant.parse("2025-01-02T03:05:00Z"), "done");
        ManifestJson.write(file, done);
        assertThat(ManifestJson.read(file)).isEqualTo(done);
        ManifestJson.Manifest failed = new ManifestJson.Manifest(running.runId(), running.seed(), running.diffusim(),
                running.nd4jBackend(), running.java(), running.start(), done.end(), "failed",
                "the run diverged at step 3: particle 7 is NaN in some coordinate");
        ManifestJson.write(file, failed);
        assertThat(ManifestJson.read(file)).isEqualTo(failed);
        assertThat(ManifestJson.read(file).error()).startsWith("the run diverged");
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        assertThat(root.get("versions").get("nd4j-backend").asText()).isEqualTo("CpuBackend");
        assertThat(root.get("seed").asLong()).isEqualTo(42L);
    }
}
