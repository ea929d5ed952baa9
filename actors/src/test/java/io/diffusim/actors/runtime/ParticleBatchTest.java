package io.diffusim.actors.runtime;

import static io.diffusim.actors.runtime.ContinuousBatchingIdentityTest.assertBitwiseEqual;
import static org.assertj.core.api.Assertions.assertThat;

import io.diffusim.actors.store.SamplerStates;
import io.diffusim.analysis.run.RunParts;
import io.diffusim.analysis.run.StepDriver;
import io.diffusim.model.denoise.Prediction;
import io.diffusim.sampling.NoiseSource;
import io.diffusim.sampling.SamplerState;
import io.diffusim.sampling.noise.CounterNoise;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A batch's protocol, with the test playing its replica and its supervisor. */
class ParticleBatchTest {

    private static final ActorTestKit KIT = TestKits.create();
    private static final String SPEC = """
            run { seed = 4, particles = 24, batch-size = 8, data { kind = moons, n = 100 },
                  process { kind = vp, timesteps = 6 }, model { kind = empirical }, sampler { kind = ddpm } }
            """;
    private static final RunParts PARTS = RunSpecs.parts(SPEC);
    private static final NoiseSource NOISE = new CounterNoise(4);
    private static final long[] PARTICLES = LongStream.range(8, 16).toArray();

    private final TestProbe<ModelReplica.Command> replica = KIT.createTestProbe();
    private final TestProbe<RunSupervisor.Command> supervisor = KIT.createTestProbe();

    @AfterAll
    static void shutdown() {
        KIT.shutdownTestKit();
    }

    private ActorRef<ParticleBatch.Command> spawn(boolean paused) {
        return KIT.spawn(ParticleBatch.create(new ParticleBatch.Setup(1, PARTICLES, null, PARTS.sampler(), NOISE,
                replica.getRef(), supervisor.getRef(), 2, 4, paused)));
    }

    /** Answers the next evaluation request with the run's denoiser. */
    private void answer() {
        ModelReplica.Evaluate evaluate = replica.expectMessageClass(ModelReplica.Evaluate.class);
        evaluate.replyTo().tell(new ModelReplica.Evaluated(PARTS.denoiser().evaluate(evaluate.request())));
    }

    @Test
    void everyStepIsOneEvaluationAndOneReportWithCheckpointsEveryFourStepsAndAtTheEnd() {
        spawn(false);
        List<Integer> checkpointed = new ArrayList<>();
        for (int k = 0; k < 6; k++) {
            answer();
            RunSupervisor.BatchStepped stepped = supervisor.expectMessageClass(RunSupervisor.BatchStepped.class);
            assertThat(stepped.step().step()).isEqualTo(k);
            assertThat(stepped.step().batch()).isEqualTo(1);
            assertThat(stepped.step().record()).isEqualTo(k % 2 == 0 || k == 5);
            if (stepped.checkpoint() != null) {
                checkpointed.add(k);
            }
        }
        assertThat(checkpointed).containsExactly(3, 5);
        SamplerState last = supervisor.expectMessageClass(RunSupervisor.BatchDone.class).last();
        SamplerState expected = StepDriver.toEnd(PARTS.sampler(), PARTS.denoiser(), PARTS.sampler().start(PARTICLES, NOISE), NOISE);
        assertBitwiseEqual(last.x(), expected.x());
        replica.expectNoMessage(Duration.ofMillis(100));
    }

    @Test
    void aPausedBatchFinishesItsStepThenWaitsUntilResumed() {
        ActorRef<ParticleBatch.Command> batch = spawn(false);
        ModelReplica.Evaluate evaluate = replica.expectMessageClass(ModelReplica.Evaluate.class);
        batch.tell(new ParticleBatch.Pause());
        evaluate.replyTo().tell(new ModelReplica.Evaluated(PARTS.denoiser().evaluate(evaluate.request())));
        assertThat(supervisor.expectMessageClass(RunSupervisor.BatchStepped.class).step().step()).isZero();
        replica.expectNoMessage(Duration.ofMillis(200));
        batch.tell(new ParticleBatch.Resume());
        answer();
        assertThat(supervisor.expectMessageClass(RunSupervisor.BatchStepped.class).step().step()).isEqualTo(1);
    }

    @Test
    void aBatchResumedFromACheckpointTakesTheRemainingStepsToTheSameBits() {
        SamplerState state = PARTS.sampler().start(PARTICLES, NOISE);
        for (int k = 0; k < 4; k++) {
            state = StepDriver.step(PARTS.sampler(), PARTS.denoiser(), state, NOISE, new ArrayList<>());
        }
        KIT.spawn(ParticleBatch.create(new ParticleBatch.Setup(1, PARTICLES, SamplerStates.of(state), PARTS.sampler(),
                NOISE, replica.getRef(), supervisor.getRef(), 2, 4, false)));
        answer();
        assertThat(supervisor.expectMessageClass(RunSupervisor.BatchStepped.class).step().step()).isEqualTo(4);
        answer();
        supervisor.expectMessageClass(RunSupervisor.BatchStepped.class);
        SamplerState expected = StepDriver.toEnd(PARTS.sampler(), PARTS.denoiser(), state, NOISE);
        assertBitwiseEqual(supervisor.expectMessageClass(RunSupervisor.BatchDone.class).last().x(), expected.x());
    }

    @Test
    void aFailedEvaluationFailsTheBatchWithTheReplicasError() {
        spawn(false);
        replica.expectMessageClass(ModelReplica.Evaluate.class).replyTo()
                .tell(new ModelReplica.EvaluationFailed("model evaluation failed: boom"));
        assertThat(supervisor.expectMessageClass(RunSupervisor.BatchFailed.class))
                .isEqualTo(new RunSupervisor.BatchFailed(1, "model evaluation failed: boom"));
        replica.expectNoMessage(Duration.ofMillis(100));
    }

    @Test
    void aNonFiniteStepIsReportedWithTheStepAndTheFirstNonFiniteParticle() {
        spawn(false);
        answer();
        supervisor.expectMessageClass(RunSupervisor.BatchStepped.class);
        ModelReplica.Evaluate evaluate = replica.expectMessageClass(ModelReplica.Evaluate.class);
        Prediction good = PARTS.denoiser().evaluate(evaluate.request());
        INDArray x0 = good.x0().dup();
        x0.putScalar(3, 1, Double.NaN);
        evaluate.replyTo().tell(new ModelReplica.Evaluated(Prediction.ofX0(good.x(), x0, good.a(), good.b())));
        RunSupervisor.BatchFailed failed = supervisor.expectMessageClass(RunSupervisor.BatchFailed.class);
        assertThat(failed.error()).startsWith("the run diverged at step 1: particle 11 is NaN in some coordinate");
    }
}
