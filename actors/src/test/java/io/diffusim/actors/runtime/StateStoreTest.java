package io.diffusim.actors.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffusim.actors.protocol.FrontDoorCommand;
import io.diffusim.actors.protocol.FrontDoorCommand.MetricLine;
import io.diffusim.actors.store.Checkpoint;
import io.diffusim.actors.store.InMemoryRunStore;
import io.diffusim.actors.store.MetricRecord;
import io.diffusim.actors.store.RunRecord;
import io.diffusim.actors.store.RunStore;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The state store actor's protocol over an in-memory store. */
class StateStoreTest {

    private static final ActorTestKit KIT = TestKits.create();

    @AfterAll
    static void shutdown() {
        KIT.shutdownTestKit();
    }

    private static Checkpoint checkpoint(int step) {
        return new Checkpoint(step, 0, step, new long[] {0}, new long[] {1, 2}, new double[] {1.5, -0.0}, Map.of(), Map.of());
    }

    @Test
    void writesArriveInTheStoreAndAResumeReadsThemBack() {
        InMemoryRunStore store = new InMemoryRunStore();
        ActorRef<StateStore.Command> actor = KIT.spawn(StateStore.create(store));
        RunRecord run = new RunRecord("r", "run {}", "running", 5, 10, 1, null);
        actor.tell(new StateStore.PutRun(run, null));
        actor.tell(new StateStore.PutCheckpoints("r", Map.of(0, checkpoint(5), 2, checkpoint(5)), null));
        actor.tell(new StateStore.PutMetrics("r", 0, List.of(new MetricRecord("a", "m", 4, 0.1, 2.0)), null));
        TestProbe<StateStore.ResumePoint> resume = KIT.createTestProbe();
        actor.tell(new StateStore.LoadResume("r", 3, resume.getRef()));
        StateStore.ResumePoint point = resume.receiveMessage();
        assertThat(point.error()).isNull();
        assertThat(point.checkpoints().keySet()).containsExactlyInAnyOrder(0, 2);
        assertThat(point.checkpoints().get(2).x()).containsExactly(1.5, -0.0);
        assertThat(point.metrics()).containsExactly(new MetricRecord("a", "m", 4, 0.1, 2.0));
        TestProbe<StateStore.Runs> runs = KIT.createTestProbe();
        actor.tell(new StateStore.DropCheckpoints("r"));
        actor.tell(new StateStore.LoadRuns(runs.getRef()));
        assertThat(runs.receiveMessage().runs()).containsExactly(run);
        assertThat(store.checkpointCount()).isZero();
    }

    @Test
    void storedMetricsAreReadInLogOrderFromAnIndex() {
        InMemoryRunStore store = new InMemoryRunStore();
        store.putMetric("r", 0, new MetricRecord("b", "x", 2, 0, 1));
        store.putMetric("r", 2, new MetricRecord("a", "y", 4, 0, 2));
        store.putMetric("r", 1, new MetricRecord("a", "x", 2, 0, 3));
        ActorRef<StateStore.Command> actor = KIT.spawn(StateStore.create(store));
        TestProbe<FrontDoorCommand.MetricsReply> probe = KIT.createTestProbe();
        FrontDoorCommand.RunStatus status = new FrontDoorCommand.RunStatus("r", "done", 5, 5, null);
        actor.tell(new StateStore.ReadMetrics("r", 1, status, probe.getRef()));
        assertThat(probe.receiveMessage()).isEqualTo(new FrontDoorCommand.Metrics(status,
                List.of(new MetricLine("a", "x", 2, 0, 3), new MetricLine("a", "y", 4, 0, 2)), 3));
    }

    @Test
    void aFailedWriteIsReportedToTheWriterAndTheStoreKeepsServing() {
        RunStore full = new FullCheckpointStore();
        ActorRef<StateStore.Command> actor = KIT.spawn(StateStore.create(full));
        TestProbe<StateStore.WriteFailed> failures = KIT.createTestProbe();
        actor.tell(new StateStore.PutCheckpoints("r", Map.of(0, checkpoint(1)), failures.getRef()));
        assertThat(failures.receiveMessage()).isEqualTo(new StateStore.WriteFailed("r",
                "writing to memory failed: the checkpoint map is full: raise diffusim.store.checkpoint-bytes"));
        TestProbe<StateStore.Runs> runs = KIT.createTestProbe();
        actor.tell(new StateStore.LoadRuns(runs.getRef()));
        assertThat(runs.receiveMessage().runs()).isEmpty();
    }

    /** A store whose checkpoint map is full. */
    private static final class FullCheckpointStore extends ForwardingRunStore {
        @Override
        public void putCheckpoint(String runId, int batch, Checkpoint checkpoint) {
            throw new IllegalStateException("the checkpoint map is full: raise diffusim.store.checkpoint-bytes");
        }
    }
}
