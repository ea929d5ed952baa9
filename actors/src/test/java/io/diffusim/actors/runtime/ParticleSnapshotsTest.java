package io.diffusim.actors.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffusim.actors.protocol.FrontDoorCommand.Snapshot;
import io.diffusim.actors.store.Checkpoint;
import io.diffusim.actors.store.InMemoryRunStore;
import io.diffusim.actors.store.RunRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's particles for the dashboard: every batch's latest checkpoint while it runs, samples.csv once done. */
class ParticleSnapshotsTest {

    @TempDir
    Path dir;

    private static Checkpoint checkpoint(int step, int rows, int dimension, double offset) {
        double[] x = IntStream.range(0, rows * dimension).mapToDouble(i -> offset + i).toArray();
        return new Checkpoint(step, 0, step, new long[rows], new long[] {rows, dimension}, x, Map.of(), Map.of());
    }

    @Test
    void shouldSampleTheCheckpointsOfAllBatchesWithinTheValueBudgetOfAnImageRun() {
        try (InMemoryRunStore store = new InMemoryRunStore()) {
            store.putCheckpoint("r", 0, checkpoint(40, 10, 784, 0));
            store.putCheckpoint("r", 1, checkpoint(38, 5, 784, 1e6));
            RunRecord run = new RunRecord("r", "run {}", RunStates.RUNNING, 41, 100, 1, null);
            Snapshot snapshot = ParticleSnapshots.read(store, run, dir.resolve("none.csv"), 1000, 6 * 784);
            assertThat(snapshot.dimension()).isEqualTo(784);
            assertThat(snapshot.particles()).isEqualTo(15);
            assertThat(snapshot.step()).isEqualTo(40);
            assertThat(snapshot.points()).hasSize(6 * 784);
            // rows 0, 2, 5, 7 of batch 0 and rows 0, 2 of batch 1 (stride 15/6)
            assertThat(IntStream.range(0, 6).mapToDouble(i -> snapshot.points()[i * 784]).toArray())
                    .containsExactly(0, 2 * 784, 5 * 784, 7 * 784, 1e6, 1e6 + 2 * 784);
            assertThat(snapshot.spec()).isEqualTo("run {}");
            Snapshot specOnly = ParticleSnapshots.read(store, run, dir.resolve("none.csv"), 0, 0);
            assertThat(specOnly.points()).isEmpty();
            assertThat(specOnly.spec()).isEqualTo("run {}");
        }
    }

    @Test
    void shouldReadTheFinalSamplesOfADoneRunAndShowNothingBeforeTheFirstCheckpoint() throws IOException {
        Path samples = Files.writeString(dir.resolve("samples.csv"), "x0,x1\n1.5,-2\n0.25,3\n-1,0\n");
        try (InMemoryRunStore store = new InMemoryRunStore()) {
            Snapshot done = ParticleSnapshots.read(store, new RunRecord("r", "s", RunStates.DONE, 9, 9, 1, null), samples,
                    2, 100);
            assertThat(done.dimension()).isEqualTo(2);
            assertThat(done.particles()).isEqualTo(3);
            assertThat(done.points()).containsExactly(1.5f, -2f, 0.25f, 3f);

            Snapshot queued = ParticleSnapshots.read(store, new RunRecord("q", "s", RunStates.QUEUED, 0, 0, 1, null),
                    samples, 2, 100);
            assertThat(queued.dimension()).isZero();
            assertThat(queued.points()).isEmpty();
        }
    }
}
