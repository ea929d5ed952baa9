package io.diffusim.actors.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.diffusim.actors.client.DaemonClient;
import io.diffusim.actors.client.DaemonLocation;
import io.diffusim.actors.protocol.FrontDoorCommand;
import io.diffusim.actors.protocol.FrontDoorCommand.RunStatus;
import io.diffusim.actors.protocol.FrontDoorCommand.Submitted;
import io.diffusim.actors.testing.LogCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/security.md, remoting: only a request with the token of the daemon's owner-only daemon.json is carried out; a
 * wrong or missing token is answered with a refusal and logged, and a bare request that skips the gate is dropped unread.
 */
class RemoteGateTest {

    private static final String SPEC = FakeFrontDoor.spec("gated");

    @TempDir
    static Path dataDir;

    private static DaemonProcess daemon;
    private static DaemonLocation owner;

    @BeforeAll
    static void startDaemon() {
        daemon = DaemonProcess.start(dataDir, "127.0.0.1", 0,
                (dir, config) -> new DaemonProcess.Parts(FakeFrontDoor.guardian(), () -> { }));
        owner = DaemonLocation.find(dataDir, null);
    }

    @AfterAll
    static void stopDaemon() {
        daemon.close();
    }

    private static List<String> runIds() {
        try (DaemonClient client = DaemonClient.connect(owner)) {
            return client.list().stream().map(RunStatus::id).toList();
        }
    }

    @Test
    void shouldKeepTheTokenInAnOwnerOnlyDaemonFile() throws Exception {
        assertThat(Files.getPosixFilePermissions(DaemonFile.in(dataDir)))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(owner.token()).hasSize(43).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void shouldRefuseAndLogARequestWithAWrongOrMissingToken() {
        for (String token : new String[] {"not-the-token", null}) {
            DaemonLocation stranger = new DaemonLocation(owner.host(), owner.port(), owner.options(), owner.noDaemon(),
                    owner.daemon(), token);
            try (LogCapture log = LogCapture.of(RemoteGate.class); DaemonClient client = DaemonClient.connect(stranger)) {
                assertThatThrownBy(() -> client.submit(SPEC, dataDir)).isInstanceOf(IllegalArgumentException.class)
                        .hasMessage(owner.daemon() + " " + RemoteGate.REFUSAL);
                assertThatThrownBy(client::list).hasMessageContaining("refused");
                assertThat(log.lines()).anyMatch(line -> line.startsWith("WARN refused a remote Submit without this"
                        + " daemon's token"));
            }
        }
        assertThat(runIds()).as("nothing was submitted").noneMatch(id -> id.startsWith("gated"));
    }

    @Test
    void shouldCarryOutARequestWithTheToken() {
        try (DaemonClient client = DaemonClient.connect(owner)) {
            String id = ((Submitted) client.submit(SPEC.replace("gated", "owned"), dataDir)).runId();
            assertThat(client.status(id).id()).isEqualTo(id);
        }
    }

    @Test
    void shouldDropABareRequestSentPastTheGate() throws Exception {
        // another process that binds the requests to a serializer itself and sends one straight to the front door
        Config attacker = ConfigFactory.parseString("""
                pekko.actor.serialization-bindings {
                  "io.diffusim.actors.protocol.FrontDoorCommand" = jackson-cbor
                }
                """).withFallback(RemoteSettings.clientConfig(ConfigFactory.load()));
        ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "attacker", attacker);
        try {
            String path = "pekko://diffusim@127.0.0.1:" + daemon.port() + RemoteSettings.FRONT_DOOR_PATH;
            var forged = Adapter.toTyped(system.classicSystem().provider().resolveActorRef(path));
            var selected = system.classicSystem().actorSelection(path);
            for (int i = 0; i < 3; i++) {
                forged.tell(new FrontDoorCommand.Submit(SPEC.replace("gated", "forged"), dataDir.toString(),
                        system.ignoreRef()));
                selected.tell(new FrontDoorCommand.Submit(SPEC.replace("gated", "selected"), dataDir.toString(),
                        system.ignoreRef()), org.apache.pekko.actor.ActorRef.noSender());
            }
            // a request with the token sent after them arrives after them on the same connection order per sender
            // does not hold across systems, so give the bare ones time to arrive first
            Thread.sleep(1_000);
            assertThat(runIds()).noneMatch(id -> id.startsWith("forged") || id.startsWith("selected"));
        } finally {
            system.terminate();
            system.getWhenTerminated().toCompletableFuture().join();
        }
    }

    @Test
    void shouldNameARequestLargerThanARemotingFrame() {
        Config smallFrames = ConfigFactory.parseString(
                "diffusim.remote.system.pekko.remote.artery.advanced.maximum-frame-size = 64 KiB")
                .withFallback(ConfigFactory.load());
        String large = SPEC + "# " + "x".repeat(100_000) + "\n";
        try (DaemonClient client = DaemonClient.connect(owner, smallFrames)) {
            assertThatThrownBy(() -> client.submit(large, dataDir)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageMatching("the submit request is 1\\d{5} bytes, more than one remoting message carries"
                            + " \\(pekko.remote.artery.advanced.maximum-frame-size = 65536 bytes, less 4096 for its"
                            + " envelope\\)");
        }
    }
}
