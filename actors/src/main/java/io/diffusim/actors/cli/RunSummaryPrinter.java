package io.diffusim.actors.cli;

import io.diffusim.analysis.run.RunResult;
import java.io.PrintWriter;

/** The few lines a finished in-process run prints on stdout: id, time, summary metrics, where its files are. */
final class RunSummaryPrinter {

    private RunSummaryPrinter() {
    }

    static void print(RunResult result, PrintWriter out) {
        out.printf("run %s done in %.1f s (%.0f particle-steps/s, %.1f model evaluations per particle)%n",
                result.runId(), result.timing().get("wall-seconds"), result.timing().get("particle-steps-per-second"),
                result.nfeMean());
        result.metrics().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> out.printf("  %-40s %.6g%n", e.getKey(), e.getValue()));
        out.printf("outputs: %s (samples.csv, metrics.csv, summary.json, plots/)%n", result.out().toAbsolutePath());
        out.flush();
    }
}
