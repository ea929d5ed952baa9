package io.diffusim.bench;

import io.diffusim.actors.client.DaemonClient;
import io.diffusim.actors.protocol.FrontDoorCommand.RunStatus;
import io.diffusim.actors.protocol.FrontDoorCommand.Submitted;
import io.diffusim.analysis.output.SummaryJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** What the runtime benchmarks do with a daemon: submit a spec, wait for runs, read a run's sampling throughput. */
final class BenchRuns {

    /**
     * How often a run's state is asked for when noticing its end at once does not matter (its throughput comes from
     * summary.json, which the daemon measures itself): rarely, since every poll is CPU work beside the run.
     */
    static final long QUIET_POLL_MS = 500;
    /** How often when the wall clock to a run's end is the measurement. */
    static final long WALL_CLOCK_POLL_MS = 20;

    private BenchRuns() {
    }

    /** Submits spec text (relative paths resolve against {@code directory}); returns the run id. */
    static String submit(DaemonClient client, String spec, Path directory) {
        if (client.submit(spec, directory) instanceof Submitted submitted) {
            return submitted.runId();
        }
        throw new IllegalStateException("the daemon rejected the benchmark spec");
    }

    /** Waits until every run ended, asking every {@code pollMs}; fails unless each is done. */
    static void awaitDone(DaemonClient client, List<String> ids, long pollMs) throws InterruptedException {
        for (String id : ids) {
            RunStatus status = client.status(id);
            while (!status.ended()) {
                Thread.sleep(pollMs);
                status = client.status(id);
            }
            if (!status.state().equals("done")) {
                throw new IllegalStateException("run " + id + " ended " + status.state() + ": " + status.error());
            }
        }
    }

    /** Exports a done run to {@code out} and returns the particle-steps per second of sampling its summary reports. */
    static double throughput(DaemonClient client, String id, Path out) throws IOException {
        Path exported = client.export(id, out);
        return SummaryJson.read(exported.resolve("summary.json")).timing().get("particle-steps-per-second");
    }
}
