package io.diffusim.actors.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which metric records each run has, kept on the heap beside the metric map (which, being a hash map, cannot list
 * one run's keys without scanning every run's): per run, per series in (analysis, metric) order, the sorted steps.
 * Rebuilt from the map's keys when the store opens. Thread-safe.
 */
final class MetricIndex {

    /** One series of a run and its steps. */
    record Series(String analysis, String metric, long[] steps) {
    }

    private record Name(String analysis, String metric) {
    }

    private static final Comparator<Name> ORDER = Comparator.comparing(Name::analysis).thenComparing(Name::metric);

    private final Map<String, Map<Name, StepSet>> runs = new HashMap<>();

    synchronized void add(MetricKey key) {
        runs.computeIfAbsent(key.runId(), id -> new TreeMap<>(ORDER))
                .computeIfAbsent(new Name(key.analysis(), key.metric()), n -> new StepSet())
                .add(key.step());
    }

    /** The run's series in (analysis, metric) order, each with its steps ascending; a snapshot. */
    synchronized List<Series> series(String runId) {
        List<Series> out = new ArrayList<>();
        runs.getOrDefault(runId, Map.of())
                .forEach((name, steps) -> out.add(new Series(name.analysis(), name.metric(), steps.toArray())));
        return out;
    }
}
