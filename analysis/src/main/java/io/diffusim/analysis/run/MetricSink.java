package io.diffusim.analysis.run;

/** Where analyses put their metric records (RUNSPEC.md metrics.csv: analysis, metric, step, t, value). */
public interface MetricSink {

    void put(String analysis, String metric, long step, double t, double value);
}
