package io.diffusim.actors.store;

/** One metric value of a run (docs/user-guide.md metrics.csv row). */
public record MetricRecord(String analysis, String metric, long step, double t, double value) {
}
