package io.diffusim.actors.runtime;

import io.diffusim.analysis.run.BatchStep;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Gathers the steps a run's batches report, which may run ahead of each other, into whole steps in step order:
 * step k is complete when every batch that takes it has reported it. A batch takes the steps from the one it
 * started (or resumed) at up to its last; until its end is known it is expected at every later step. Steps come
 * out with their batches in batch order, as {@code LocalRun} feeds its analyses.
 */
final class StepCollector {

    private static final int OPEN = Integer.MAX_VALUE;

    private final int[] first;
    private final int[] end;
    private final TreeMap<Integer, TreeMap<Integer, BatchStep>> reported = new TreeMap<>();
    private int next;

    /** @param firstSteps the step each batch starts at (its state's step index) */
    StepCollector(int[] firstSteps) {
        this.first = firstSteps.clone();
        this.end = new int[firstSteps.length];
        Arrays.fill(end, OPEN);
        this.next = Arrays.stream(firstSteps).min().orElse(0);
    }

    void add(BatchStep step) {
        reported.computeIfAbsent(step.step(), k -> new TreeMap<>()).put(step.batch(), step);
    }

    /** Batch {@code batch} takes no step from {@code endStep} on (its final state's step index). */
    void done(int batch, int endStep) {
        end[batch] = endStep;
    }

    /** The next step if every batch that takes it has reported it (its steps in batch order), and moves past it. */
    Optional<List<BatchStep>> pollComplete() {
        while (!allDone()) {
            Map<Integer, BatchStep> steps = reported.getOrDefault(next, new TreeMap<>());
            boolean expected = false;
            for (int b = 0; b < first.length; b++) {
                if (first[b] <= next && next < end[b]) {
                    if (!steps.containsKey(b)) {
                        return Optional.empty();
                    }
                    expected = true;
                }
            }
            reported.remove(next);
            next++;
            if (expected) {
                return Optional.of(new ArrayList<>(steps.values()));
            }
            // no batch takes this step (batches resumed from checkpoints of different steps): skip it
        }
        return Optional.empty();
    }

    /** True when every batch has ended and every step before the last end was handed out. */
    boolean allDone() {
        return Arrays.stream(end).allMatch(e -> e != OPEN) && next >= finalStep();
    }

    /** Steps the run took: the largest end (LocalRun's loop count); valid once every batch has ended. */
    int finalStep() {
        return Arrays.stream(end).max().orElse(0);
    }

    /** The next step to hand out (the number of whole steps handed out so far, counted from step 0). */
    int nextStep() {
        return next;
    }
}
