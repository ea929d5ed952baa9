package io.diffusim.actors.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffusim.analysis.run.RunParts;
import io.diffusim.model.denoise.Denoiser;
import io.diffusim.model.denoise.EvalRequest;
import io.diffusim.model.denoise.Prediction;
import io.diffusim.model.process.ForwardProcess;
import io.diffusim.sampling.NoiseSource;
import io.diffusim.sampling.Sampler;
import io.diffusim.sampling.SamplerState;
import io.diffusim.sampling.noise.CounterNoise;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Model passes, batch steps and analysis steps of several batches all run on one and the same device thread. */
class TensorWorkTest {

    private static final ActorTestKit KIT = TestKits.create();
    private static final String SPEC = """
            run { seed = 2, particles = 48, batch-size = 16, data { kind = moons, n = 100 },
                  process { kind = vp, timesteps = 8 }, model { kind = empirical }, sampler { kind = ddpm } }
            """;
    private static final RunParts PARTS = RunSpecs.parts(SPEC);
    private static final NoiseSource NOISE = new CounterNoise(2);

    private final Set<String> threads = ConcurrentHashMap.newKeySet();

    @AfterAll
    static void shutdown() {
        KIT.shutdownTestKit();
    }

    @Test
    void everyPieceOfTensorWorkRunsOnTheSingleDeviceThread() throws Exception {
        ActorRef<ModelReplica.Command> replica = KIT.spawn(ModelReplica.create(new Recording(PARTS.denoiser()), true, 4096));
        TestProbe<RunSupervisor.Command> supervisor = KIT.createTestProbe();
        for (int b = 0; b < 3; b++) {
            KIT.spawn(ParticleBatch.create(new ParticleBatch.Setup(b, LongStream.range(16L * b, 16L * (b + 1)).toArray(), null,
                    new RecordingSampler(PARTS.sampler()), NOISE, replica, supervisor.getRef(), 1, 4, false)),
                    "batch-" + b, TensorWork.dispatcher());
        }
        CompletableFuture.runAsync(this::record, TensorWork.executor(KIT.system())).get(30, TimeUnit.SECONDS);
        int done = 0;
        int stepped = 0;
        while (done < 3) {
            RunSupervisor.Command message = supervisor.receiveMessage();
            if (message instanceof RunSupervisor.BatchDone) {
                done++;
            } else if (message instanceof RunSupervisor.BatchStepped) {
                stepped++;
            }
        }
        assertThat(stepped).isEqualTo(3 * 8);
        assertThat(threads).hasSize(1).doesNotContain(Thread.currentThread().getName());
    }

    private void record() {
        threads.add(Thread.currentThread().getName());
    }

    private final class Recording implements Denoiser {
        private final Denoiser denoiser;

        Recording(Denoiser denoiser) {
            this.denoiser = denoiser;
        }

        @Override
        public Prediction evaluate(EvalRequest request) {
            record();
            return denoiser.evaluate(request);
        }

        @Override
        public ForwardProcess process() {
            return denoiser.process();
        }

        @Override
        public int dimension() {
            return denoiser.dimension();
        }
    }

    private final class RecordingSampler implements Sampler {
        private final Sampler sampler;

        RecordingSampler(Sampler sampler) {
            this.sampler = sampler;
        }

        @Override
        public SamplerState start(long[] particles, NoiseSource noise) {
            record();
            return sampler.start(particles, noise);
        }

        @Override
        public EvalRequest nextEvaluation(SamplerState state) {
            record();
            return sampler.nextEvaluation(state);
        }

        @Override
        public SamplerState accept(SamplerState state, Prediction prediction, NoiseSource noise) {
            record();
            return sampler.accept(state, prediction, noise);
        }

        @Override
        public int steps() {
            return sampler.steps();
        }

        @Override
        public double time(SamplerState state) {
            return sampler.time(state);
        }
    }
}
