package io.diffusim.bench;

import io.diffusim.actors.client.DaemonClient;
import io.diffusim.actors.client.DaemonLocation;
import io.diffusim.actors.daemon.DaemonFile;
import io.diffusim.actors.daemon.DaemonMain;
import io.diffusim.actors.daemon.DaemonProcess;
import io.diffusim.actors.runtime.RunEvents;
import io.diffusim.actors.stream.MetricSubscription;
import io.diffusim.actors.stream.StreamAddress;
import io.diffusim.model.Nd4jRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A subscriber that stops reading never slows a run (issue: live streams): the same run on one daemon, alternately
 * with no subscriber and with a subscriber that never polls; each run's sampling throughput from its summary.json,
 * each stalled run's ratio to the mean of the runs just before and after it, and the median of those ratios (target:
 * within 5%). Every step records,
 * so the stream carries a record per step and a status event per step. {@code bench/run-runtime stream} runs it.
 */
public final class StreamThroughput {

    private static final String SPEC = """
            run {
              name = "%s"
              seed = 1
              particles = 4096
              batch-size = 1024
              data { kind = moons, n = 1000 }
              process { kind = vp, timesteps = 300 }
              model { kind = empirical }
              sampler { kind = ddpm }
              analyses = [ { kind = denoiser-agreement, model { kind = wiener } } ]
              record-every = 1
            }
            """;

    private static final int ROUNDS = 5;

    private StreamThroughput() {
    }

    public static void main(String[] args) throws Exception {
        Nd4jRuntime.configure(Integer.getInteger("diffusim.threads", Runtime.getRuntime().availableProcessors()));
        Path work = Files.createTempDirectory("diffusim-stream-bench");
        try (DaemonProcess daemon = DaemonProcess.start(work.resolve("data"), "127.0.0.1", 0, DaemonMain::parts);
                DaemonClient client = DaemonClient.connect(DaemonLocation.find(daemon.dataDir(), null))) {
            StreamAddress address = DaemonFile.read(daemon.dataDir()).orElseThrow().stream();
            run(client, "warm-up", work);
            // alternating, so drift in the machine's speed falls on both sides alike; the median ratio is reported
            double[] ratios = new double[ROUNDS];
            double before = run(client, "no-subscriber-0", work);
            for (int round = 0; round < ROUNDS; round++) {
                double stalled;
                try (MetricSubscription never = MetricSubscription.connect(address, RunEvents.NONE)) {
                    stalled = run(client, "stalled-subscriber-" + round, work);
                }
                double after = run(client, "no-subscriber-" + (round + 1), work);
                ratios[round] = stalled / ((before + after) / 2);
                System.out.printf(Locale.ROOT, "round %d: no subscriber %.0f, stalled subscriber %.0f, no subscriber %.0f"
                        + " particle-steps/s, ratio %.3f%n", round, before, stalled, after, ratios[round]);
                before = after;
            }
            java.util.Arrays.sort(ratios);
            System.out.printf(Locale.ROOT, "stream throughput: stalled subscriber / no subscriber, median of %d rounds %.3f"
                    + " (target within 5%%)%n", ROUNDS, ratios[ROUNDS / 2]);
        }
    }

    private static double run(DaemonClient client, String name, Path work) throws Exception {
        String id = BenchRuns.submit(client, SPEC.formatted(name), work);
        BenchRuns.awaitDone(client, List.of(id), BenchRuns.QUIET_POLL_MS);
        return BenchRuns.throughput(client, id, work.resolve("export-" + name));
    }
}
