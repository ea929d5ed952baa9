package io.diffusim.actors.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import io.diffusim.actors.protocol.FrontDoorCommand;
import io.diffusim.config.ModelSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/security.md, inputs: model files (a checkpoint, an ONNX network, heat maps, and those of an analysis' model)
 * are confined to the daemon's data roots as data files are: one outside is refused at submit naming the key and the
 * path, one inside is admitted.
 */
class ModelRootsTest {

    private static final ActorTestKit KIT = TestKits.create();

    @TempDir
    Path dataDir;

    @AfterAll
    static void shutdown() {
        KIT.shutdownTestKit();
    }

    private final TestProbe<RunRegistry.Command> registry = KIT.createTestProbe();
    private final TestProbe<FrontDoorCommand.SubmitReply> client = KIT.createTestProbe();

    private void send(String spec) {
        DaemonSettings settings = DaemonSettings.from(ConfigFactory.load(), dataDir);
        ActorRef<FrontDoorCommand> frontDoor = KIT.spawn(FrontDoor.create(registry.getRef(), Long.MAX_VALUE,
                settings.dataFiles()));
        frontDoor.tell(new FrontDoorCommand.Submit(spec, dataDir.toString(), client.getRef()));
    }

    /** Specs naming one model file at {@code path}, each with the key its error must name. */
    private static Map<String, String> specs(String path) {
        return Map.of(
                "run.model.checkpoint", "run { data { kind = moons }, model { kind = mlp, checkpoint = \"" + path
                        + "\" }, sampler { kind = ddpm } }",
                "run.model.path", "run { data { kind = moons }, model { kind = onnx, path = \"" + path + "\" } }",
                "run.model.heat-maps", "run { data { kind = fashion-mnist, n = 10 }, process { kind = edm }, model {"
                        + " kind = patch-flex, heat-maps = \"" + path + "\" }, sampler { kind = euler } }",
                "run.analyses[0].model.path", "run { data { kind = moons }, model { kind = empirical }, analyses = [ {"
                        + " kind = denoiser-agreement, model { kind = onnx, path = \"" + path + "\" } } ] }");
    }

    @Test
    void shouldRefuseModelFilesOutsideTheRootsNamingTheKeyAndThePath() {
        for (String path : new String[] {"/etc/passwd", "../../../../../../../../etc/hostname"}) {
            specs(path).forEach((key, spec) -> {
                send(spec);
                FrontDoorCommand.SubmitReply reply = client.receiveMessage();
                registry.expectNoMessage(java.time.Duration.ofMillis(50));
                assertThat(reply).as(key).isInstanceOf(FrontDoorCommand.Rejected.class);
                String error = ((FrontDoorCommand.Rejected) reply).errors().get(0);
                assertThat(error).as(key).startsWith(key + ": ").contains("outside the directories data may be read "
                        + "from (" + dataDir.toAbsolutePath().normalize()).doesNotContain("root:");
            });
        }
    }

    @Test
    void shouldAdmitModelFilesInsideTheDataDirectory() throws IOException {
        Files.writeString(dataDir.resolve("net.onnx"), "not read at submit");
        send(specs("net.onnx").get("run.model.path"));
        ModelSpec model = registry.expectMessageClass(RunRegistry.Submit.class).spec().model();
        assertThat(model).isInstanceOf(ModelSpec.Onnx.class);
        assertThat(((ModelSpec.Onnx) model).path()).isEqualTo(dataDir.resolve("net.onnx"));
        client.expectNoMessage();
    }
}
