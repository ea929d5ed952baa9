package io.diffusim.actors.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffusim.analysis.run.RunParts;
import io.diffusim.model.denoise.EvalRequest;
import java.time.Duration;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** One replica per model key, shared by its runs and stopped with the last of them. */
class ModelPoolTest {

    private static final ActorTestKit KIT = TestKits.create();
    private static final RunParts MOONS = RunSpecs.parts(RunSpecs.moons(0));
    private static final RunParts OTHER_SEED = RunSpecs.parts(RunSpecs.moons(1));

    @AfterAll
    static void shutdown() {
        KIT.shutdownTestKit();
    }

    @Test
    void runsOfOneModelShareAReplicaThatStopsWithTheLastOfThem() {
        ActorRef<ModelPool.Command> pool = KIT.spawn(ModelPool.create(8192));
        ActorRef<Void> runA = KIT.spawn(Behaviors.empty());
        ActorRef<Void> runB = KIT.spawn(Behaviors.empty());
        ActorRef<Void> runC = KIT.spawn(Behaviors.empty());
        TestProbe<ModelPool.Acquired> probe = KIT.createTestProbe();
        ModelKey key = ModelKey.of(MOONS.spec());
        pool.tell(new ModelPool.Acquire(key, MOONS.denoiser(), runA, probe.getRef()));
        ActorRef<ModelReplica.Command> shared = probe.receiveMessage().replica();
        pool.tell(new ModelPool.Acquire(ModelKey.of(RunSpecs.parse(RunSpecs.moons(0))), MOONS.denoiser(), runB, probe.getRef()));
        assertThat(probe.receiveMessage().replica()).isEqualTo(shared);
        pool.tell(new ModelPool.Acquire(ModelKey.of(OTHER_SEED.spec()), OTHER_SEED.denoiser(), runC, probe.getRef()));
        assertThat(probe.receiveMessage().replica()).as("other data seed, other model").isNotEqualTo(shared);

        TestProbe<ModelReplica.Reply> replies = KIT.createTestProbe();
        KIT.stop(runA);
        DaemonFixture.sleep(100);
        shared.tell(new ModelReplica.Evaluate(new EvalRequest(Nd4j.zeros(DataType.DOUBLE, 1, 2),
                Nd4j.ones(DataType.DOUBLE, 1, 1), null), replies.getRef()));
        replies.expectMessageClass(ModelReplica.Evaluated.class);
        KIT.stop(runB);
        replies.expectTerminated(shared, Duration.ofSeconds(3));
    }
}
