package io.diffusim.analysis.run;

import java.nio.file.Path;
import java.util.Map;

/** What a finished run reports: where its files are and the values of its summary.json. */
public record RunResult(String runId, Path out, Map<String, Double> metrics, Map<String, Double> timing, double nfeMean) {

    public RunResult {
        metrics = Map.copyOf(metrics);
        timing = Map.copyOf(timing);
    }
}
