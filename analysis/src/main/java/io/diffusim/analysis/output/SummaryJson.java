package io.diffusim.analysis.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes and reads {@code summary.json} (docs/user-guide.md "The output directory"):
 * <pre>{"metrics": {"kl.kl": 0.31, "nearest-neighbour.mean": 0.02}, "timing": {"wall-seconds": 12.5}, "nfe": {"mean": 100.0}}</pre>
 * Summary keys map onto it as: {@code <analysis>.<metric>} is a literal key of {@code metrics} (so {@code kl.kl}
 * is {@code metrics["kl.kl"]}); {@code timing.<name>} is {@code timing["<name>"]}; {@code nfe.mean} is
 * {@code nfe["mean"]}. Keys are written sorted. Non-finite numbers, which JSON cannot hold, are written as the
 * strings {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"} (Python: {@code float(s)} parses them).
 */
public final class SummaryJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** A parsed summary; {@link #value(String)} resolves docs/user-guide.md summary keys. */
    public record Summary(Map<String, Double> metrics, Map<String, Double> timing, double nfeMean) {

        /** The value of a summary key such as {@code kl.kl}, {@code timing.wall-seconds} or {@code nfe.mean}; null if absent. */
        public Double value(String key) {
            if (key.equals("nfe.mean")) {
                return nfeMean;
            }
            if (key.startsWith("timing.") && timing.containsKey(key.substring("timing.".length()))) {
                return timing.get(key.substring("timing.".length()));
            }
            return metrics.get(key);
        }
    }

    private SummaryJson() {
    }

    /**
     * Writes the summary. Metric keys are {@code <analysis>.<metric>}; timing keys are bare names such as
     * {@code wall-seconds} (the {@code timing.} prefix is the JSON object, not part of the name).
     */
    public static void write(Path file, Map<String, Double> metrics, Map<String, Double> timing, double nfeMean) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode metricsNode = root.putObject("metrics");
        new TreeMap<>(metrics).forEach((key, value) -> putNumber(metricsNode, checkMetricKey(key), value));
        ObjectNode timingNode = root.putObject("timing");
        new TreeMap<>(timing).forEach((key, value) -> putNumber(timingNode, checkTimingKey(key), value));
        putNumber(root.putObject("nfe"), "mean", nfeMean);
        OutputFiles.createParent(file);
        MAPPER.writeValue(file.toFile(), root);
    }

    /** Reads a file written by {@link #write}. */
    public static Summary read(Path file) throws IOException {
        JsonNode root = MAPPER.readTree(file.toFile());
        if (root == null || !root.has("metrics") || !root.has("timing") || !root.has("nfe")) {
            throw new IllegalArgumentException(file + ": expected an object with metrics, timing and nfe");
        }
        return new Summary(readNumbers(root.get("metrics")), readNumbers(root.get("timing")), toDouble(root.get("nfe").get("mean")));
    }

    private static void putNumber(ObjectNode node, String key, Double value) {
        if (value == null) {
            node.putNull(key);
        } else if (Double.isFinite(value)) {
            node.put(key, value.doubleValue());
        } else {
            node.put(key, value.toString());
        }
    }

    private static Map<String, Double> readNumbers(JsonNode node) {
        Map<String, Double> out = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), toDouble(e.getValue()));
        }
        return out;
    }

    private static double toDouble(JsonNode value) {
        if (value == null || value.isNull()) {
            return Double.NaN;
        }
        return value.isTextual() ? Double.parseDouble(value.asText()) : value.asDouble();
    }

    private static String checkMetricKey(String key) {
        int dot = key.indexOf('.');
        if (dot <= 0 || dot == key.length() - 1) {
            throw new IllegalArgumentException("metric key '" + key + "' must be <analysis>.<metric>");
        }
        return key;
    }

    private static String checkTimingKey(String key) {
        if (key.isEmpty() || key.startsWith("timing.")) {
            throw new IllegalArgumentException("timing key '" + key + "' must be a bare name such as wall-seconds");
        }
        return key;
    }
}
