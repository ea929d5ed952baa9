package io.diffusim.actors.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffusim.actors.daemon.DaemonFile;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/user-guide.md: every command that talks to a daemon, run against none, exits 3 with one line saying how to start one. */
class NoDaemonTest {

    @TempDir
    Path dir;

    private List<String[]> everyCommand(String... daemonOptions) {
        Path spec = SpecFiles.write(dir, "tiny.conf", """
                run {
                  particles = 8
                  data { kind = moons, n = 50 }
                  process { kind = vp, timesteps = 3 }
                  analyses = []
                }
                """);
        return Stream.of(new String[] {"submit", spec.toString()}, new String[] {"submit", spec.toString(), "--wait"},
                new String[] {"list"}, new String[] {"list", "--json"}, new String[] {"status", "r1"},
                new String[] {"status", "r1", "--json"}, new String[] {"pause", "r1"}, new String[] {"resume", "r1"},
                new String[] {"stop", "r1"}, new String[] {"watch", "r1"}, new String[] {"watch", "r1", "--json"},
                new String[] {"export", "r1", "--out", dir.resolve("out").toString()})
                .map(args -> Stream.concat(Stream.of(args), Stream.of(daemonOptions)).toArray(String[]::new))
                .toList();
    }

    private static void assertNoDaemon(List<String[]> commands, String line) {
        for (String[] args : commands) {
            Cli result = Cli.run(args);
            assertThat(result.exitCode()).as(String.join(" ", args) + ": " + result.err())
                    .isEqualTo(ExitCode.DAEMON_UNREACHABLE);
            assertThat(result.errLines()).as(String.join(" ", args)).containsExactly(line);
            assertThat(result.out()).isEmpty();
        }
    }

    @Test
    void shouldSayHowToStartADaemonWhenTheDataDirHasNone() {
        Path dataDir = dir.resolve("data");
        assertNoDaemon(everyCommand("--data-dir", dataDir.toString()), "diffusim: no daemon on data dir " + dataDir
                + " (start one with: bin/diffusim daemon --data-dir " + dataDir + ")");
    }

    @Test
    void shouldTreatADaemonFileLeftByAKilledDaemonAsNoDaemon() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        try (ServerSocket open = new ServerSocket(0)) {
            new DaemonFile("127.0.0.1", open.getLocalPort(), gone.pid(), "2026-11-30T10:15:00Z").write(dir);
            Cli result = Cli.run("list", "--data-dir", dir.toString());
            assertThat(result.exitCode()).isEqualTo(ExitCode.DAEMON_UNREACHABLE);
            assertThat(result.errLines()).containsExactly("diffusim: no daemon on data dir " + dir
                    + " (start one with: bin/diffusim daemon --data-dir " + dir + ")");
        }
    }

    @Test
    void shouldTellADaemonThatLivesButDoesNotAnswerApartFromNoDaemon() throws Exception {
        // a live pid (this JVM's) and a port that accepts connections but never speaks: a daemon gone deaf
        try (ServerSocket deaf = new ServerSocket(0)) {
            long pid = ProcessHandle.current().pid();
            new DaemonFile("127.0.0.1", deaf.getLocalPort(), pid, "2026-11-30T10:15:00Z").write(dir);
            Cli result = Cli.run("status", "r1", "--data-dir", dir.toString());
            assertThat(result.exitCode()).isEqualTo(ExitCode.DAEMON_NOT_ANSWERING);
            assertThat(result.errLines()).containsExactly("diffusim: daemon pid " + pid + " on data dir " + dir
                    + " did not answer in 5 s; see its log, or stop it and start it again");
        }
    }

    @Test
    void shouldNameTheAddressGivenWithDaemon() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String address = "127.0.0.1:" + closed;
        assertNoDaemon(everyCommand("--daemon", address).subList(2, 5), "diffusim: no daemon at " + address
                + " (start one with: bin/diffusim daemon --bind 127.0.0.1 --port " + closed + ")");
    }

    @Test
    void shouldRejectAMalformedDaemonAddressAsBadInput() {
        BadInputTest.assertBadInput(Cli.run("list", "--daemon", "localhost"), "--daemon localhost", "HOST:PORT");
    }

    @Test
    void shouldRejectAPortOutOfRangeBeforeOpeningTheDataDirectory() {
        Path dataDir = dir.resolve("data");
        BadInputTest.assertBadInput(Cli.run("daemon", "--data-dir", dataDir.toString(), "--port", "70000"),
                "--port 70000", "0 (any free port) to 65535");
        assertThat(dataDir.resolve("store")).doesNotExist();
    }
}
