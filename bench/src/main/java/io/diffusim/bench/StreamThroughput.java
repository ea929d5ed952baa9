package io.diffusim.bench;

import io.diffusim.actors.client.DaemonClient;
import io.diffusim.actors.client.DaemonLocation;
import io.diffusim.actors.daemon.DaemonFile;
import io.diffusim.actors.daemon.DaemonMain;
import io.diffusim.actors.daemon.DaemonProcess;
import io.diffusim.actors.protocol.FrontDoorCommand.RunStatus;
import io.diffusim.actors.protocol.FrontDoorCommand.Submitted;
import io.diffusim.actors.runtime.RunEvents;
import io.diffusim.actors.stream.MetricSubscription;
import io.diffusim.actors.stream.StreamAddress;
import io.diffusim.analysis.output.SummaryJson;
import io.diffusim.model.NativeMemoryGuard;
import io.diffusim.model.Nd4jRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A subscriber that stops reading never slows a run (issue: live streams): the same run on one daemon with no
 * subscriber, with a subscriber that never polls, and with none again; each run's sampling throughput from its
 * summary.json, and the stalled ratio to the mean of the two baselines (target: within 5%). Every step records,
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

    private StreamThroughput() {
    }

    public static void main(String[] args) throws Exception {
        Nd4jRuntime.configure(Integer.getInteger("diffusim.threads", Runtime.getRuntime().availableProcessors()));
        NativeMemoryGuard.start();
        Path work = Files.createTempDirectory("diffusim-stream-bench");
        try (DaemonProcess daemon = DaemonProcess.start(work.resolve("data"), "127.0.0.1", 0, DaemonMain::parts);
                DaemonClient client = DaemonClient.connect(DaemonLocation.find(daemon.dataDir(), null))) {
            StreamAddress address = DaemonFile.read(daemon.dataDir()).orElseThrow().stream();
            run(client, "warm-up", work);
            double before = run(client, "no-subscriber-1", work);
            double stalled;
            try (MetricSubscription never = MetricSubscription.connect(address, RunEvents.NONE)) {
                stalled = run(client, "stalled-subscriber", work);
            }
            double after = run(client, "no-subscriber-2", work);
            double baseline = (before + after) / 2;
            System.out.printf(Locale.ROOT, "stream throughput: no subscriber %.0f and %.0f particle-steps/s, stalled"
                    + " subscriber %.0f particle-steps/s, ratio %.3f (target within 5%%)%n", before, after, stalled,
                    stalled / baseline);
        }
    }

    private static double run(DaemonClient client, String name, Path work) throws Exception {
        if (!(client.submit(SPEC.formatted(name), work) instanceof Submitted submitted)) {
            throw new IllegalStateException("the daemon rejected the benchmark spec");
        }
        RunStatus status = client.status(submitted.runId());
        while (!status.state().equals("done")) {
            if (status.state().equals("failed") || status.state().equals("stopped")) {
                throw new IllegalStateException(name + " ended " + status.state() + ": " + status.error());
            }
            Thread.sleep(20);
            status = client.status(submitted.runId());
        }
        Path out = client.export(submitted.runId(), work.resolve("export-" + name));
        return SummaryJson.read(out.resolve("summary.json")).timing().get("particle-steps-per-second");
    }
}
