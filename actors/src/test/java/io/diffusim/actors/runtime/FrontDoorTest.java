package io.diffusim.actors.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffusim.actors.protocol.FrontDoorCommand;
import io.diffusim.actors.protocol.FrontDoorCommand.Action;
import io.diffusim.config.DataSpec;
import java.nio.file.Path;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The front door validates submissions and hands everything else to the registry unchanged. */
class FrontDoorTest {

    private static final ActorTestKit KIT = TestKits.create();

    private final TestProbe<RunRegistry.Command> registry = KIT.createTestProbe();
    private final ActorRef<FrontDoorCommand> frontDoor = KIT.spawn(FrontDoor.create(registry.getRef()));

    @AfterAll
    static void shutdown() {
        KIT.shutdownTestKit();
    }

    @Test
    void aValidSpecIsRegisteredWithItsRelativePathsResolvedAgainstTheSpecDirectory() {
        TestProbe<FrontDoorCommand.SubmitReply> client = KIT.createTestProbe();
        String spec = """
                run { data { kind = csv, path = "points.csv" }, process { kind = ve }, model { kind = empirical },
                      sampler { kind = euler } }
                """;
        frontDoor.tell(new FrontDoorCommand.Submit(spec, "/specs/here", client.getRef()));
        RunRegistry.Submit submit = registry.expectMessageClass(RunRegistry.Submit.class);
        assertThat(((DataSpec.Csv) submit.spec().data()).path()).isEqualTo(Path.of("/specs/here/points.csv"));
        assertThat(submit.replyTo()).isEqualTo(client.getRef());
        client.expectNoMessage();
    }

    @Test
    void anInvalidSpecIsRejectedWithOneLinePerErrorAndNothingIsRegistered() {
        TestProbe<FrontDoorCommand.SubmitReply> client = KIT.createTestProbe();
        frontDoor.tell(new FrontDoorCommand.Submit("run { particles = 0, sampler { kind = nope } }", null, client.getRef()));
        FrontDoorCommand.Rejected rejected = client.expectMessageClass(FrontDoorCommand.Rejected.class);
        assertThat(rejected.errors()).hasSizeGreaterThanOrEqualTo(3)
                .anyMatch(e -> e.startsWith("run.particles = 0")).anyMatch(e -> e.startsWith("run.sampler.kind = nope"))
                .anyMatch(e -> e.startsWith("run.data"));
        frontDoor.tell(new FrontDoorCommand.Submit("run {", null, client.getRef()));
        assertThat(client.expectMessageClass(FrontDoorCommand.Rejected.class).errors()).hasSize(1);
        registry.expectNoMessage();
    }

    @Test
    void queriesAndControlGoToTheRegistryWithTheClientsReplyAddress() {
        TestProbe<FrontDoorCommand.StatusReply> status = KIT.createTestProbe();
        TestProbe<FrontDoorCommand.RunList> list = KIT.createTestProbe();
        TestProbe<FrontDoorCommand.ExportReply> export = KIT.createTestProbe();
        TestProbe<FrontDoorCommand.MetricsReply> metrics = KIT.createTestProbe();
        frontDoor.tell(new FrontDoorCommand.ListRuns(list.getRef()));
        frontDoor.tell(new FrontDoorCommand.GetStatus("r1", status.getRef()));
        frontDoor.tell(new FrontDoorCommand.Control("r1", Action.PAUSE, status.getRef()));
        frontDoor.tell(new FrontDoorCommand.Export("r1", "/out", export.getRef()));
        frontDoor.tell(new FrontDoorCommand.GetMetrics("r1", 7, metrics.getRef()));
        assertThat(registry.receiveSeveralMessages(5)).containsExactly(new RunRegistry.ListRuns(list.getRef()),
                new RunRegistry.GetStatus("r1", status.getRef()), new RunRegistry.Control("r1", Action.PAUSE, status.getRef()),
                new RunRegistry.Export("r1", "/out", export.getRef()), new RunRegistry.GetMetrics("r1", 7, metrics.getRef()));
    }
}
