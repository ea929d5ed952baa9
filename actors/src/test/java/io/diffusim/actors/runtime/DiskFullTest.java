package io.diffusim.actors.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.diffusim.actors.protocol.FrontDoorCommand.Action;
import io.diffusim.actors.protocol.FrontDoorCommand.RunStatus;
import io.diffusim.actors.store.Checkpoint;
import io.diffusim.actors.store.MetricRecord;
import io.diffusim.analysis.output.MetricsCsv;
import io.diffusim.analysis.run.RunOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/user-guide.md, "disk full": a checkpoint or an output directory that would leave less than the headroom free,
 * or a write that fails, pauses its run with the reason while the daemon keeps answering; once space is freed, resume finishes the run with
 * the samples of an undisturbed one. The store is in memory and reports the free space and failures the test sets
 * (mounting a small tmpfs needs privileges a test does not have).
 */
class DiskFullTest {

    private static final long MB = 1L << 20;
    private static final String SPEC = RunSpecs.MOONS_DDPM.formatted(11).replace("timesteps = 20", "timesteps = 400")
            .replace("name = \"moons-ddpm\"", "name = \"disk-full\"");

    @TempDir
    Path dir;

    @Test
    void shouldPauseARunWhoseCheckpointDoesNotFitAndFinishItAfterSpaceIsFreed() throws IOException {
        FaultyDisk store = new FaultyDisk(dir.resolve("store"));
        store.free.set(10 * MB);
        try (DaemonFixture daemon = DaemonFixture.start(store, dir.resolve("data"), 8)) {
            String id = daemon.submit(SPEC);
            RunStatus paused = daemon.await(id, s -> s.state().equals("paused") || s.ended());
            assertThat(paused.state()).isEqualTo("paused");
            // a checkpoint of 30 particles in 2-D is well under a megabyte: the need is the default 256 MiB headroom
            assertThat(paused.reason()).isEqualTo("disk full: 10 MB free on " + dir.resolve("store") + ", need 257 MB"
                    + " (1 MB to write and diffusim.runtime.disk-headroom of 256 MB); free space, then resume the run");
            assertThat(daemon.list()).extracting(RunStatus::id).containsExactly(id);
            assertThat(store.checkpointsWritten.get()).as("no checkpoint was written into the full disk").isZero();

            store.free.set(Long.MAX_VALUE);
            assertThat(daemon.control(id, Action.RESUME).state()).isEqualTo("running");
            assertSamplesOfAnUndisturbedRun(daemon, id);
            assertThat(store.checkpointsWritten.get()).isPositive();
        }
    }

    @Test
    void shouldPauseARunWhoseCheckpointWriteFailsAndFinishItOnResume() throws IOException {
        FaultyDisk store = new FaultyDisk(dir.resolve("store"));
        store.failWrites.set(true);
        try (DaemonFixture daemon = DaemonFixture.start(store, dir.resolve("data"), 8)) {
            String id = daemon.submit(SPEC);
            RunStatus paused = daemon.await(id, s -> s.state().equals("paused") || s.ended());
            assertThat(paused.state()).isEqualTo("paused");
            assertThat(paused.reason()).isEqualTo("writing to " + dir.resolve("store") + " failed: java.io.IOException:"
                    + " No space left on device");

            store.failWrites.set(false);
            assertThat(daemon.control(id, Action.RESUME).state()).isEqualTo("running");
            Path out = assertSamplesOfAnUndisturbedRun(daemon, id);
            assertThat(store.metrics(id)).as("every record is stored").hasSize(MetricsCsv.read(out.resolve("metrics.csv"))
                    .size()).isNotEmpty();
        }
    }

    @Test
    void shouldPauseARunWhoseOutputCannotBeWrittenAndWriteItOnResume() throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        Path runs = Files.writeString(data.resolve("runs"), "a file where the runs' directory goes");
        try (DaemonFixture daemon = DaemonFixture.start(new FaultyDisk(dir.resolve("store")), data, 8)) {
            String id = daemon.submit(SPEC);
            RunStatus paused = daemon.await(id, s -> s.state().equals("paused") || s.ended());
            assertThat(paused.state()).isEqualTo("paused");
            assertThat(paused.step()).as("every step was taken").isEqualTo(400);
            assertThat(paused.reason()).startsWith("writing the output to " + runs.resolve(id) + " failed: ")
                    .endsWith("; free space (or fix the directory), then resume the run");

            Files.delete(runs);
            assertThat(daemon.control(id, Action.RESUME).state()).isEqualTo("running");
            assertSamplesOfAnUndisturbedRun(daemon, id);
        }
    }

    @Test
    void shouldRefuseToWriteAnOutputThatDoesNotFitBeforeWritingAnything() {
        Path out = dir.resolve("runs").resolve("run-x");
        RunOutput.Contents contents = new RunOutput.Contents("run-x", null, null, null, null, "done",
                Nd4j.zeros(DataType.DOUBLE, 1000, 2), List.of(), Map.of(), Map.of(), 1);
        long headroom = 1L << 60;
        assertThatThrownBy(() -> OutputWrite.write(new RunFinish.Output(List.of(), contents, out), headroom))
                .isInstanceOf(OutputWrite.Failed.class)
                .hasMessageStartingWith("disk full: ").hasMessageContaining(" MB free on " + out + ", need "
                        + ((headroom >> 20) + 17) + " MB (17 MB to write and diffusim.runtime.disk-headroom of "
                        + (headroom >> 20) + " MB)");
        assertThat(dir.resolve("runs")).doesNotExist();
    }

    private Path assertSamplesOfAnUndisturbedRun(DaemonFixture daemon, String id) throws IOException {
        assertThat(daemon.awaitEnd(id).state()).isEqualTo("done");
        Path out = dir.resolve("export");
        daemon.export(id, out);
        assertThat(Files.readAllBytes(out.resolve("samples.csv")))
                .isEqualTo(RunSpecs.localSamples(SPEC, dir.resolve("local")));
        return out;
    }

    /** A store in memory on a disk whose free space, and whether checkpoint and metric writes fail, the test sets. */
    private static final class FaultyDisk extends ForwardingRunStore {
        final AtomicLong free = new AtomicLong(Long.MAX_VALUE);
        final AtomicBoolean failWrites = new AtomicBoolean();
        final AtomicLong checkpointsWritten = new AtomicLong();
        private final Path location;

        FaultyDisk(Path location) {
            this.location = location;
        }

        private void maybeFail() {
            if (failWrites.get()) {
                throw new UncheckedIOException(new IOException("No space left on device"));
            }
        }

        @Override
        public void putCheckpoint(String runId, int batch, Checkpoint checkpoint) {
            maybeFail();
            super.putCheckpoint(runId, batch, checkpoint);
            checkpointsWritten.incrementAndGet();
        }

        @Override
        public void putMetric(String runId, long index, MetricRecord record) {
            maybeFail();
            super.putMetric(runId, index, record);
        }

        @Override
        public long usableBytes() {
            return free.get();
        }

        @Override
        public String location() {
            return location.toString();
        }
    }
}
