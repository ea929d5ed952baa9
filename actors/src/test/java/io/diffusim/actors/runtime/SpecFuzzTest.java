package io.diffusim.actors.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import io.diffusim.actors.protocol.FrontDoorCommand;
import io.diffusim.actors.testing.Fuzz;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fuzz suite, specs (docs/security.md): 1,000 specs made from a valid one by the seed's mutations (sizes that
 * overflow or exhaust memory, wrong types, NaN, deep nesting, includes of other files and URLs, data files outside the
 * roots, devices, cut and garbled text, more than a megabyte) are submitted to the daemon's front door with its data
 * roots and memory limit. Each is admitted or rejected with named errors (one line each, no stack trace, nothing of
 * another file), and the front door answers every one: none takes it down.
 */
class SpecFuzzTest {

    private static final ActorTestKit KIT = TestKits.create();
    private static final int SPECS = 1_000;
    private static final Duration REPLY = Duration.ofSeconds(10);
    private static final String VALID = """
            run {
              name = "fuzzed"
              particles = 64
              batch-size = 32
              data { kind = moons, n = 100 }
              process { kind = vp, timesteps = 20 }
              model { kind = empirical }
              sampler { kind = ddpm }
              analyses = [ { kind = kl, k = 3 } ]
              record-every = 2
              checkpoint-every = 5
            }
            """;
    private static final String[] SIZE_KEYS = {"particles", "batch-size", "data.n", "process.timesteps",
        "sampler.steps", "record-every", "checkpoint-every", "seed", "data.dim", "analyses.0.k"};
    private static final String[] VALUES = {"-1", "0", "1", "2147483647", "2147483648", "1000000000", "10000000000000",
        "1e300", "-1e300", "NaN", "Infinity", "\"abc\"", "true", "[]", "{}", "null", "0.5", "\"\"", "[1, 2, 3]"};
    private static final String[] PATHS = {"/etc/shadow", "/etc/passwd", "../../../../../../etc/passwd", "/dev/zero",
        "/proc/self/environ", "/dev/stdin", "points.csv", "", "/"};

    @TempDir
    Path dataDir;

    @AfterAll
    static void shutdown() {
        KIT.shutdownTestKit();
    }

    @Test
    void shouldAnswerEveryFuzzedSpecWithAdmissionOrNamedErrors() {
        DaemonSettings settings = DaemonSettings.from(ConfigFactory.parseString("diffusim.runtime.memory-limit = 4 GiB")
                .withFallback(ConfigFactory.load()), dataDir);
        // one probe is both the registry and the client: each spec gets one message, an admission or a rejection
        TestProbe<Object> answers = KIT.createTestProbe();
        ActorRef<FrontDoorCommand> frontDoor = KIT.spawn(FrontDoor.create(answers.getRef().narrow(),
                settings.memoryLimit(), settings.dataFiles()));
        ActorRef<FrontDoorCommand.SubmitReply> client = answers.getRef().narrow();
        Random random = new Random(Fuzz.SEED);
        Fuzz fuzz = new Fuzz();
        for (int i = 0; i < SPECS; i++) {
            int kind = random.nextInt(8);
            String spec = mutate(kind, random);
            frontDoor.tell(new FrontDoorCommand.Submit(spec, dataDir.toString(), client));
            Object reply = answers.receiveMessage(REPLY);
            String name = KINDS.get(kind);
            if (reply instanceof FrontDoorCommand.Rejected rejected) {
                assertThat(rejected.errors()).as(spec).isNotEmpty().allSatisfy(error -> assertThat(error)
                        .isNotBlank().doesNotContain("\n").doesNotContain("\tat ").doesNotContain("root:x:0")
                        .doesNotContain("Exception:"));
                fuzz.count(name, "rejected");
            } else {
                assertThat(reply).as(spec).isInstanceOf(RunRegistry.Submit.class);
                fuzz.count(name, "admitted");
            }
        }
        fuzz.print("spec fuzz (seed " + Fuzz.SEED + ")");
        assertThat(fuzz.total()).isEqualTo(SPECS);
    }

    private static final List<String> KINDS = List.of("size or type of a key", "unknown key", "deep nesting",
            "include", "data file", "cut text", "garbled text", "over a megabyte");

    private static String mutate(int kind, Random random) {
        return switch (kind) {
            case 0 -> VALID.replace("}\n", "}\n") + "run." + pick(SIZE_KEYS, random) + " = " + pick(VALUES, random) + "\n";
            case 1 -> VALID + "run.no-such-key-" + random.nextInt(100) + " = " + pick(VALUES, random) + "\n";
            case 2 -> "run." + "a {".repeat(50 + random.nextInt(5_000)) + "x = 1";
            case 3 -> pick(new String[] {"include \"/etc/passwd\"\n", "include url(\"http://127.0.0.1:9/x\")\n",
                "include file(\"../../etc/hosts\")\n", "include classpath(\"reference.conf\")\n",
                "include required(file(\"/etc/shadow\"))\n"}, random) + VALID;
            case 4 -> VALID.replace("data { kind = moons, n = 100 }", "data { kind = " + (random.nextBoolean() ? "csv"
                    + ", path = \"" : "fashion-mnist, dir = \"") + pick(PATHS, random) + "\" }");
            case 5 -> VALID.substring(0, random.nextInt(VALID.length()));
            case 6 -> new String(Fuzz.bitFlipped(VALID.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), random),
                    java.nio.charset.StandardCharsets.ISO_8859_1);
            default -> VALID + "# " + "x".repeat((1 << 20) + random.nextInt(1000)) + "\n";
        };
    }

    private static String pick(String[] options, Random random) {
        return options[random.nextInt(options.length)];
    }
}
