package io.diffusim.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * Reads a JMH JSON result file and prints particle-steps per second next to their ratio to the same run's
 * sgemm GFLOP/s (docs/architecture.md §6: performance is read as a ratio to a reference run in the same process).
 */
public final class Report {

    /** The benchmark whose float32 GFLOP/s is the reference. */
    static final String SGEMM = SgemmBench.class.getName() + ".mmul";

    private static final String COUNTER = "particles";
    private static final String ROW = "%-22s %-40s %7s %16s %10s %18s%n";

    private Report() {
    }

    /**
     * One benchmark result: ops/s, and particles/s where the benchmark counts particles (NaN otherwise).
     */
    record Result(String benchmark, Map<String, String> params, double opsPerSecond, double particlesPerSecond,
                  double particlesError) {

        /** Rows per operation: particles/s over ops/s (the scaled batch of a slow denoiser). */
        double rowsPerOperation() {
            return particlesPerSecond / opsPerSecond;
        }

        /** GFLOP/s of an n x n x n matrix product run at {@link #opsPerSecond}. */
        double gflops() {
            double n = Double.parseDouble(params.get("n"));
            return 2 * n * n * n * opsPerSecond / 1e9;
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: Report JMH-RESULT.json (got " + args.length + " arguments)");
        }
        System.out.print(table(parse(Files.readString(Path.of(args[0])))));
    }

    /** The results of a JMH {@code -rf json} file, in file order. */
    static List<Result> parse(String json) throws IOException {
        List<Result> results = new ArrayList<>();
        for (JsonNode node : new ObjectMapper().readTree(json)) {
            Map<String, String> params = new LinkedHashMap<>();
            node.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
            JsonNode counter = node.path("secondaryMetrics").path(COUNTER);
            results.add(new Result(node.path("benchmark").asText(), params,
                    node.path("primaryMetric").path("score").asDouble(),
                    counter.isMissingNode() ? Double.NaN : counter.path("score").asDouble(),
                    counter.isMissingNode() ? Double.NaN : counter.path("scoreError").asDouble()));
        }
        return results;
    }

    /** The float32 matrix-product GFLOP/s of the run, if it measured one. */
    static OptionalDouble sgemmGflops(List<Result> results) {
        return results.stream()
                .filter(r -> r.benchmark().equals(SGEMM) && "FLOAT".equals(r.params().get("dtype")))
                .mapToDouble(Result::gflops)
                .findFirst();
    }

    /** The printed table: one line per result, the reference's GFLOP/s in the header. */
    static String table(List<Result> results) {
        OptionalDouble reference = sgemmGflops(results);
        StringBuilder out = new StringBuilder();
        out.append(reference.isPresent()
                ? String.format(Locale.ROOT, "reference: sgemm %.1f GFLOP/s (float32, same run)%n", reference.getAsDouble())
                : String.format(Locale.ROOT, "reference: none (run %s with dtype=FLOAT for ratios)%n", SGEMM));
        out.append(String.format(Locale.ROOT, ROW, "benchmark", "params", "rows", "particle-steps/s", "+-",
                "per sgemm GFLOP/s"));
        for (Result r : results) {
            String name = r.benchmark().substring(r.benchmark().lastIndexOf('.', r.benchmark().lastIndexOf('.') - 1) + 1);
            if (Double.isNaN(r.particlesPerSecond())) {
                boolean gemm = r.benchmark().equals(SGEMM);
                out.append(String.format(Locale.ROOT, ROW, name, params(r), "",
                        gemm ? number(r.gflops()) + " GF/s" : number(r.opsPerSecond()) + " op/s", "", ""));
                continue;
            }
            String ratio = reference.isPresent() ? number(r.particlesPerSecond() / reference.getAsDouble()) : "n/a";
            out.append(String.format(Locale.ROOT, ROW, name, params(r), number(r.rowsPerOperation()),
                    number(r.particlesPerSecond()), number(r.particlesError()), ratio));
        }
        return out.toString();
    }

    private static String params(Result r) {
        return r.params().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue().toLowerCase(Locale.ROOT).replace('_', '-'))
                .collect(Collectors.joining(" "));
    }

    /** Three significant figures, without exponent notation for the usual range. */
    private static String number(double value) {
        if (!Double.isFinite(value)) {
            return "-";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, magnitude >= 10 ? "%.1f" : "%.3g", value);
    }
}
