package io.diffusim.actors.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffusim.analysis.run.BatchStep;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Whole steps out of batches that run ahead of each other. */
class StepCollectorTest {

    private static BatchStep step(int batch, int step) {
        return new BatchStep(batch, step, 0.5, null, null, List.of(), false);
    }

    private static List<Integer> batches(List<BatchStep> steps) {
        return steps.stream().map(BatchStep::batch).toList();
    }

    @Test
    void aStepIsCompleteOnceEveryBatchReportedItAndComesOutInBatchOrder() {
        StepCollector collector = new StepCollector(new int[] {0, 0, 0});
        collector.add(step(2, 0));
        collector.add(step(0, 0));
        collector.add(step(0, 1));
        assertThat(collector.pollComplete()).isEmpty();
        collector.add(step(1, 0));
        assertThat(collector.pollComplete().map(StepCollectorTest::batches)).contains(List.of(0, 1, 2));
        assertThat(collector.pollComplete()).isEmpty();
        assertThat(collector.nextStep()).isEqualTo(1);
    }

    @Test
    void aBatchThatEndedEarlyIsNoLongerWaitedFor() {
        StepCollector collector = new StepCollector(new int[] {0, 0});
        collector.add(step(0, 0));
        collector.add(step(1, 0));
        collector.add(step(1, 1));
        collector.done(0, 1);
        assertThat(collector.pollComplete().map(StepCollectorTest::batches)).contains(List.of(0, 1));
        assertThat(collector.pollComplete().map(StepCollectorTest::batches)).contains(List.of(1));
        assertThat(collector.allDone()).isFalse();
        collector.done(1, 2);
        assertThat(collector.pollComplete()).isEmpty();
        assertThat(collector.allDone()).isTrue();
        assertThat(collector.finalStep()).isEqualTo(2);
    }

    @Test
    void batchesResumedAtDifferentStepsAreExpectedFromTheirOwnStep() {
        StepCollector collector = new StepCollector(new int[] {5, 3});
        assertThat(collector.nextStep()).isEqualTo(3);
        collector.add(step(1, 3));
        collector.add(step(1, 4));
        assertThat(collector.pollComplete().map(StepCollectorTest::batches)).contains(List.of(1));
        assertThat(collector.pollComplete().map(StepCollectorTest::batches)).contains(List.of(1));
        collector.add(step(1, 5));
        assertThat(collector.pollComplete()).isEmpty();
        collector.add(step(0, 5));
        assertThat(collector.pollComplete().map(StepCollectorTest::batches)).contains(List.of(0, 1));
    }

    @Test
    void aRunResumedWithEveryBatchAlreadyEndedIsDoneAtOnce() {
        StepCollector collector = new StepCollector(new int[] {20, 20});
        Map.of(0, 20, 1, 20).forEach(collector::done);
        assertThat(collector.pollComplete()).isEmpty();
        assertThat(collector.allDone()).isTrue();
        assertThat(collector.finalStep()).isEqualTo(20);
    }
}
