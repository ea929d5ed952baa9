package io.diffusim.analysis.run;

/** Where analyses put their metric records (docs/user-guide.md metrics.csv: analysis, metric, step, t, value). */
public interface MetricSink {

    void put(String analysis, String metric, long step, double t, double value);
}
