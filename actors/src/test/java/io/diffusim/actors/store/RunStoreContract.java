package io.diffusim.actors.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link RunStore} does, whatever keeps the data. */
abstract class RunStoreContract {

    RunStore store;

    abstract RunStore newStore() throws Exception;

    @BeforeEach
    void open() throws Exception {
        store = newStore();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void shouldReplaceARunRecordPutTwice() {
        RunRecord run = StoreFixtures.run("r1", 5);
        store.putRun(run);
        store.putRun(run.withStep(40).withState("failed", "NaN at step 40, particle 7"));
        assertThat(store.run("r1")).contains(run.withStep(40).withState("failed", "NaN at step 40, particle 7"));
        assertThat(store.run("r2")).isEmpty();
    }

    @Test
    void shouldListRunsInSubmissionOrder() {
        store.putRun(StoreFixtures.run("c", 30));
        store.putRun(StoreFixtures.run("a", 10));
        store.putRun(StoreFixtures.run("b", 20));
        assertThat(store.runs()).extracting(RunRecord::id).containsExactly("a", "b", "c");
    }

    @Test
    void shouldKeepTheLatestCheckpointOfEachBatchBitForBit() {
        store.putCheckpoint("r1", 0, StoreFixtures.checkpoint(10, 4));
        store.putCheckpoint("r1", 0, StoreFixtures.checkpoint(20, 4));
        store.putCheckpoint("r1", 0, StoreFixtures.checkpoint(30, 4));
        store.putCheckpoint("r1", 1, StoreFixtures.checkpoint(10, 3));
        StoreFixtures.assertSameBits(store.checkpoint("r1", 0).orElseThrow(), StoreFixtures.checkpoint(30, 4));
        StoreFixtures.assertSameBits(store.checkpoint("r1", 1).orElseThrow(), StoreFixtures.checkpoint(10, 3));
        assertThat(store.checkpoint("r1", 2)).isEmpty();
        assertThat(store.checkpoint("r2", 0)).isEmpty();
    }

    @Test
    void shouldStoreACopyTheCallerCannotChange() {
        Checkpoint checkpoint = StoreFixtures.checkpoint(10, 4);
        store.putCheckpoint("r1", 0, checkpoint);
        checkpoint.x()[0] = 99.0;
        assertThat(store.checkpoint("r1", 0).orElseThrow().x()[0]).isEqualTo(-0.0);
    }

    @Test
    void shouldListMetricsInLogOrderReplacingARecordedStep() {
        StoreFixtures.putMetrics(store, "r1", StoreFixtures.metrics());
        store.putMetric("r2", 0, new MetricRecord("kl", "kl", 100, 0.0, 9.0));
        // a resumed run records step 10 again, under its index: the record is replaced, not duplicated
        store.putMetric("r1", 2, new MetricRecord("nearest-neighbour", "mean", 10, 0.9, 0.5));
        List<MetricRecord> metrics = store.metrics("r1");
        assertThat(metrics).extracting(m -> m.analysis() + "." + m.metric() + "@" + m.step()).containsExactly(
                "kl.kl@100", "nearest-neighbour.mean@0", "nearest-neighbour.mean@10", "nearest-neighbour.mean@2",
                "nearest-neighbour.max@0");
        assertThat(metrics.get(2).value()).isEqualTo(0.5);
        assertThat(Double.doubleToRawLongBits(metrics.get(1).value())).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(metrics.get(3).value()).isNaN();
        assertThat(store.metrics("r2")).containsExactly(new MetricRecord("kl", "kl", 100, 0.0, 9.0));
        assertThat(store.metrics("r3")).isEmpty();
    }

    @Test
    void shouldDropOnlyTheCheckpointsOfTheRun() {
        store.putRun(StoreFixtures.run("r1", 1));
        store.putMetric("r1", 0, new MetricRecord("kl", "kl", 1, 0.5, 2.0));
        for (int batch = 0; batch < 3; batch++) {
            store.putCheckpoint("r1", batch, StoreFixtures.checkpoint(batch, 4));
            store.putCheckpoint("r10", batch, StoreFixtures.checkpoint(batch, 4));
        }
        store.dropCheckpoints("r1");
        assertThat(store.checkpoint("r1", 0)).isEmpty();
        assertThat(store.checkpoint("r1", 2)).isEmpty();
        assertThat(store.checkpoint("r10", 2)).isPresent();
        assertThat(store.run("r1")).isPresent();
        assertThat(store.metrics("r1")).hasSize(1);
    }
}
