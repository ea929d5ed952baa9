package io.diffusim.actors.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffusim.actors.client.DaemonClient;
import io.diffusim.actors.client.DaemonLocation;
import io.diffusim.actors.daemon.DaemonProcess;
import io.diffusim.actors.protocol.FrontDoorCommand;
import io.diffusim.actors.protocol.FrontDoorCommand.Metrics;
import io.diffusim.actors.protocol.FrontDoorCommand.RunStatus;
import io.diffusim.actors.runtime.Daemon;
import io.diffusim.actors.runtime.DaemonSettings;
import io.diffusim.actors.runtime.RunObserver;
import io.diffusim.actors.store.InMemoryRunStore;
import io.diffusim.actors.testing.RunAwait;
import io.diffusim.model.Nd4jRuntime;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.agrona.CloseHelper;

/**
 * A daemon in this JVM on an in-memory store whose runs publish on a metric stream in {@code dir} (term length as
 * given), with every event also kept in {@link #produced}; reached by a real {@link DaemonClient}.
 */
final class StreamedDaemon implements AutoCloseable {

    static final Duration RUN_TIMEOUT = Duration.ofSeconds(120);
    final StreamSettings settings;
    final RecordedEvents produced = new RecordedEvents();
    final DaemonProcess daemon;
    final DaemonClient client;
    private MetricStream stream;

    private StreamedDaemon(Path dir, int termLength) {
        Nd4jRuntime.configure(Integer.getInteger("diffusim.threads", Runtime.getRuntime().availableProcessors()));
        settings = new StreamSettings(true, "aeron:ipc", 1001, true, dir.resolve("aeron"), termLength,
                Duration.ofMillis(1), Duration.ofMillis(100));
        daemon = DaemonProcess.start(dir.resolve("data"), "127.0.0.1", 0, (dataDir, config) -> {
            InMemoryRunStore store = new InMemoryRunStore();
            stream = MetricStream.open(settings);
            return new DaemonProcess.Parts(Daemon.create(store, DaemonSettings.from(config, dataDir),
                    List.of(new RunObserver("metric stream", stream.publisher()), new RunObserver("recorder", produced))),
                    () -> CloseHelper.closeAll(stream, store), stream.address());
        });
        client = DaemonClient.connect(DaemonLocation.find(daemon.dataDir(), null));
    }

    static StreamedDaemon start(Path dir, int termLength) {
        return new StreamedDaemon(dir, termLength);
    }

    MetricPublisher publisher() {
        return stream.publisher();
    }

    String submit(String spec) {
        FrontDoorCommand.SubmitReply reply = client.submit(spec, daemon.dataDir());
        assertThat(reply).isInstanceOf(FrontDoorCommand.Submitted.class);
        return ((FrontDoorCommand.Submitted) reply).runId();
    }

    RunStatus await(String runId, Predicate<RunStatus> until) {
        return RunAwait.until(() -> client.status(runId), until, RUN_TIMEOUT);
    }

    RunStatus awaitEnd(String runId) {
        return await(runId, s -> s.ended());
    }

    /** The run's stored records (one page: test runs are small) and status. */
    Metrics metrics(String runId) {
        return client.metrics(runId, 0);
    }

    /** A moons run of {@code steps} steps recording the noise posterior every step: a few records per step. */
    static String spec(String name, int steps) {
        return """
                run {
                  name = "%s"
                  seed = 5
                  particles = 48
                  batch-size = 16
                  data { kind = moons, n = 300 }
                  process { kind = vp, timesteps = %d }
                  model { kind = empirical }
                  sampler { kind = ddpm }
                  analyses = [ { kind = noise-posterior, grid = 40, refine-grid = 41 } ]
                }
                """.formatted(name, steps);
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        client.close();
        daemon.close();
    }
}
