package io.diffusim.actors.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffusim.actors.protocol.FrontDoorCommand;
import io.diffusim.config.RunSpec;
import io.diffusim.config.SpecLoader;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The pre-flight memory estimate of a spec, and the front door refusing a run that does not fit. */
class AdmissionTest {

    private static final ActorTestKit KIT = TestKits.create();
    private static final long GIB = 1L << 30;

    @AfterAll
    static void shutdown() {
        KIT.shutdownTestKit();
    }

    private static RunSpec spec(String body) {
        return SpecLoader.parse("run { " + body + " }", null);
    }

    @Test
    void theEstimateCountsParticleBuffersTheDataAndOneBatchsWeights() {
        RunSpec demo = spec("particles = 10000, batch-size = 2048, data { kind = moons, n = 2000 },"
                + " model { kind = empirical }");
        long expected = 8L * (10_000L * 2 * Admission.PARTICLE_BUFFERS + 2_000L * 2 + 2_048L * 2_000 * 2);
        assertThat(Admission.estimate(demo)).isEqualTo(expected);
        assertThat(Admission.refusal(demo, GIB)).isEmpty();
        RunSpec gmm = spec("particles = 1000, batch-size = 100, data { kind = gmm, geometry = hd-uniform, dim = 100 },"
                + " model { kind = gmm-exact }");
        assertThat(Admission.estimate(gmm)).as("no data weights for the exact GMM")
                .isEqualTo(8L * (1_000L * 100 * Admission.PARTICLE_BUFFERS + 100_000L * 100));
    }

    @Test
    void aRunThatCannotFitIsRefusedAtSubmitNamingItsEstimateAndTheKnobs() {
        String huge = "run { particles = 100000000, data { kind = moons } }";
        TestProbe<RunRegistry.Command> registry = KIT.createTestProbe();
        ActorRef<FrontDoorCommand> frontDoor = KIT.spawn(FrontDoor.create(registry.getRef(), 8 * GIB));
        TestProbe<FrontDoorCommand.SubmitReply> client = KIT.createTestProbe();
        frontDoor.tell(new FrontDoorCommand.Submit(huge, null, client.getRef()));
        FrontDoorCommand.Rejected rejected = client.expectMessageClass(FrontDoorCommand.Rejected.class);
        assertThat(rejected.errors()).singleElement().asString()
                .startsWith("the run needs at least 12.0 GiB of memory (100000000 particles of 2 dimensions,"
                        + " 100000 data points, batches of 2048), more than the 8.0 GiB this daemon may use"
                        + " (diffusim.runtime.memory-limit)");
        registry.expectNoMessage();
    }
}
