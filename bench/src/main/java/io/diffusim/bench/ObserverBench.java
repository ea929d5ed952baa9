package io.diffusim.bench;

import io.diffusim.actors.client.DaemonClient;
import io.diffusim.actors.client.DaemonLocation;
import io.diffusim.actors.daemon.DaemonMain;
import io.diffusim.actors.daemon.DaemonProcess;
import io.diffusim.actors.dashboard.Dashboard;
import io.diffusim.actors.dashboard.DashboardHub;
import io.diffusim.actors.dashboard.DashboardSettings;
import io.diffusim.actors.protocol.FrontDoorCommand.RunStatus;
import io.diffusim.actors.runtime.DaemonHealth;
import io.diffusim.actors.runtime.RunEvents;
import io.diffusim.actors.runtime.RunObserver;
import io.diffusim.actors.store.MetricRecord;
import io.diffusim.model.Nd4jRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * What watching costs a run (issue: observers isolated from runs), in one JVM, alternating: the particle-steps per
 * second of a spec on a daemon without observers against one whose runs also feed an observer that throws on every
 * event, one that never returns, and the dashboard; then one run on the watched daemon while a page opens the run's
 * live feed and resets the connection mid-stream ten times a second, with how long {@code status} takes from a warm
 * client after each reset.
 * {@code bench/run-runtime observers [SPEC]} (default examples/demo.conf); {@code -Ddiffusim.bench.rounds} (5).
 */
public final class ObserverBench {

    private static final int ROUNDS = Integer.getInteger("diffusim.bench.rounds", 5);
    private static final long CHURN_EVERY_MS = 100;

    private ObserverBench() {
    }

    public static void main(String[] args) throws Exception {
        Nd4jRuntime.configure(Integer.getInteger("diffusim.threads", Runtime.getRuntime().availableProcessors()));
        Path root = Path.of(System.getProperty("diffusim.home", "."));
        Path spec = args.length > 0 ? Path.of(args[0]).toAbsolutePath() : root.resolve("examples/demo.conf").toAbsolutePath();
        Path work = Files.createTempDirectory("diffusim-observer-bench");
        String text = Files.readString(spec);
        CountDownLatch never = new CountDownLatch(1);
        DashboardSettings settings = DashboardSettings.from(com.typesafe.config.ConfigFactory.load()).withPort(0);
        DashboardHub hub = new DashboardHub(settings.maxPoints());
        DaemonHealth health = new DaemonHealth(Instant.now());
        List<RunObserver> bad = List.of(new RunObserver("throwing", throwing()), new RunObserver("stuck", stuck(never)),
                new RunObserver("dashboard", hub));
        try (DaemonProcess plain = DaemonProcess.start(work.resolve("plain"), "127.0.0.1", 0, DaemonMain::parts);
                DaemonProcess watched = DaemonProcess.start(work.resolve("watched"), "127.0.0.1", 0,
                        (dir, config) -> DaemonMain.parts(dir, config, bad, health));
                DaemonClient plainClient = DaemonClient.connect(DaemonLocation.find(plain.dataDir(), null));
                DaemonClient watchedClient = DaemonClient.connect(DaemonLocation.find(watched.dataDir(), null))) {
            Dashboard dashboard = Dashboard.start(watched.system(), hub, health, "127.0.0.1", settings,
                    watched.runsDirectory());
            run(plainClient, text, spec, work.resolve("warm-plain"));
            run(watchedClient, text, spec, work.resolve("warm-watched"));
            double[] ratios = new double[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                // which side goes first alternates, so drift in the machine's speed falls on both alike
                boolean plainFirst = round % 2 == 0;
                double without = plainFirst ? run(plainClient, text, spec, work.resolve("plain-" + round)) : 0;
                double with = run(watchedClient, text, spec, work.resolve("watched-" + round));
                if (!plainFirst) {
                    without = run(plainClient, text, spec, work.resolve("plain-" + round));
                }
                ratios[round] = with / without;
                System.out.printf(Locale.ROOT, "round %d: unwatched %.0f, watched %.0f particle-steps/s, ratio %.3f%n",
                        round, without, with, ratios[round]);
            }
            Arrays.sort(ratios);
            System.out.printf(Locale.ROOT, "watched (a throwing, a stuck observer and the dashboard) / unwatched throughput"
                    + " (%s), median of %d rounds: %.3f (target >= 0.90)%n", spec.getFileName(), ROUNDS, ratios[ROUNDS / 2]);
            churn(watchedClient, dashboard, text, spec, work);
        } finally {
            never.countDown();
        }
    }

    /**
     * One more run on the watched daemon while a page opens its feed and resets the connection every
     * {@value #CHURN_EVERY_MS} ms, each reset followed by a {@code status} from the warm client, timed.
     */
    private static void churn(DaemonClient client, Dashboard dashboard, String text, Path spec, Path work)
            throws Exception {
        List<Double> latenciesMs = new ArrayList<>();
        String id = BenchRuns.submit(client, text, spec.getParent());
        while (!client.status(id).ended()) {
            resetMidStream(dashboard.port(), dashboard.token(), id);
            long start = System.nanoTime();
            RunStatus status = client.status(id);
            latenciesMs.add((System.nanoTime() - start) / 1e6);
            if (status.ended()) {
                break;
            }
            Thread.sleep(CHURN_EVERY_MS);
        }
        BenchRuns.awaitDone(client, List.of(id), BenchRuns.QUIET_POLL_MS);
        double throughput = BenchRuns.throughput(client, id, work.resolve("churned"));
        double[] ms = latenciesMs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "with a page reset every %d ms: %.0f particle-steps/s; status after each reset,"
                + " warm client, %d calls: p50 %.1f ms, p99 %.1f ms, max %.1f ms (target < 100 ms)%n", CHURN_EVERY_MS,
                throughput, ms.length, ms[ms.length / 2], ms[(int) Math.min(ms.length - 1, Math.floor(ms.length * 0.99))],
                ms[ms.length - 1]);
    }

    private static double run(DaemonClient client, String text, Path spec, Path export) throws Exception {
        String id = BenchRuns.submit(client, text, spec.getParent());
        BenchRuns.awaitDone(client, List.of(id), BenchRuns.QUIET_POLL_MS);
        return BenchRuns.throughput(client, id, export);
    }

    /** A page that opens the run's feed, reads its first event, and resets the connection. */
    private static void resetMidStream(int port, String token, String id) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("GET /api/runs/" + id + "/events HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Bearer " + token + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            StringBuilder seen = new StringBuilder();
            int b;
            // Pekko writes "event:init"; the stream then stays open (heartbeats), so stop at the event, not at EOF
            while (!seen.toString().contains("event:init") && !seen.toString().contains("event: init")
                    && (b = in.read()) >= 0) {
                seen.append((char) b);
            }
            socket.setSoLinger(true, 0);
        }
    }

    private static RunEvents throwing() {
        return new RunEvents() {
            @Override
            public void recorded(String runId, int firstIndex, List<MetricRecord> records) {
                throw new IllegalStateException("observer failure");
            }

            @Override
            public void status(RunStatus status) {
                throw new IllegalStateException("observer failure");
            }
        };
    }

    private static RunEvents stuck(CountDownLatch never) {
        return new RunEvents() {
            @Override
            public void recorded(String runId, int firstIndex, List<MetricRecord> records) {
                block();
            }

            @Override
            public void status(RunStatus status) {
                block();
            }

            private void block() {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
    }
}
