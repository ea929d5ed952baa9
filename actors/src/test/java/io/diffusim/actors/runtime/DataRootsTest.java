package io.diffusim.actors.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import io.diffusim.actors.protocol.FrontDoorCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/security.md, inputs: the daemon's front door, with the roots {@link DaemonSettings} reads, refuses at submit a
 * spec whose data file lies outside them (an absolute path, one that climbs out, a device), naming the path only.
 */
class DataRootsTest {

    private static final ActorTestKit KIT = TestKits.create();

    @TempDir
    Path dataDir;

    @AfterAll
    static void shutdown() {
        KIT.shutdownTestKit();
    }

    private final TestProbe<RunRegistry.Command> registry = KIT.createTestProbe();
    private final TestProbe<FrontDoorCommand.SubmitReply> client = KIT.createTestProbe();

    private void send(String dataPath, Path specDirectory) {
        DaemonSettings settings = DaemonSettings.from(ConfigFactory.load(), dataDir);
        ActorRef<FrontDoorCommand> frontDoor = KIT.spawn(FrontDoor.create(registry.getRef(), Long.MAX_VALUE,
                settings.dataFiles()));
        frontDoor.tell(new FrontDoorCommand.Submit("run { data { kind = csv, path = \"" + dataPath + "\" }, process {"
                + " kind = ve }, model { kind = empirical }, sampler { kind = euler } }", specDirectory.toString(),
                client.getRef()));
    }

    private FrontDoorCommand.SubmitReply submit(String dataPath, Path specDirectory) {
        send(dataPath, specDirectory);
        FrontDoorCommand.SubmitReply reply = client.receiveMessage();
        registry.expectNoMessage();
        return reply;
    }

    @Test
    void shouldRefuseDataOutsideTheRootsNamingOnlyThePath() {
        for (String path : new String[] {"/etc/passwd", "../../../../../../../../etc/passwd", "/dev/zero"}) {
            FrontDoorCommand.SubmitReply reply = submit(path, dataDir);
            assertThat(reply).as(path).isInstanceOf(FrontDoorCommand.Rejected.class);
            String error = ((FrontDoorCommand.Rejected) reply).errors().get(0);
            assertThat(error).as(path).contains("outside the directories data may be read from (" + dataDir.toAbsolutePath()
                    .normalize()).contains("diffusim.runtime.data-roots").doesNotContain("root:");
        }
    }

    @Test
    void shouldAdmitDataInsideTheDataDirectory() throws IOException {
        Files.writeString(dataDir.resolve("points.csv"), "x0,x1\n1,2\n");
        send("points.csv", dataDir);
        assertThat(registry.expectMessageClass(RunRegistry.Submit.class).spec().data())
                .isInstanceOf(io.diffusim.config.DataSpec.Csv.class);
        client.expectNoMessage();
    }
}
