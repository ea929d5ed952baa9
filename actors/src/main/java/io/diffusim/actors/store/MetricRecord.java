package io.diffusim.actors.store;

/** One metric value of a run (RUNSPEC.md metrics.csv row). */
public record MetricRecord(String analysis, String metric, long step, double t, double value) {
}
