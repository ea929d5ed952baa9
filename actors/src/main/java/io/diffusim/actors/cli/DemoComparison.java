package io.diffusim.actors.cli;

import io.diffusim.analysis.run.RunResult;
import java.io.PrintWriter;
import java.util.List;

/**
 * The demo's last lines: the empirical denoiser and the trained network side by side on the metrics that tell
 * memorising from generalising (docs/user-guide.md "The demo").
 */
final class DemoComparison {

    private static final List<String> METRICS = List.of("nearest-neighbour.copied-fraction", "kl.kl");

    private DemoComparison() {
    }

    static void print(RunResult empirical, RunResult network, PrintWriter out) {
        out.printf("%n%-36s %12s %12s%n", "same noise, same 2,000 training points", "empirical", "network");
        for (String metric : METRICS) {
            out.printf("%-36s %12.4f %12.4f%n", metric, value(empirical, metric), value(network, metric));
        }
        out.printf("the empirical denoiser returns copies of training points (%.0f%% of its samples); the network "
                + "trained on the same points generalises (%.0f%%)%n",
                100 * value(empirical, METRICS.get(0)), 100 * value(network, METRICS.get(0)));
        out.flush();
    }

    private static double value(RunResult run, String metric) {
        Double value = run.metrics().get(metric);
        return value == null ? Double.NaN : value;
    }
}
