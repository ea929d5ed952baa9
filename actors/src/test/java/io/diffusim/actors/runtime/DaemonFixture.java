package io.diffusim.actors.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffusim.actors.protocol.FrontDoorCommand;
import io.diffusim.actors.protocol.FrontDoorCommand.Action;
import io.diffusim.actors.protocol.FrontDoorCommand.RunStatus;
import io.diffusim.actors.store.RunStore;
import io.diffusim.actors.testing.RunAwait;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.apache.pekko.actor.Kill;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.receptionist.Receptionist;

/** A daemon actor system on a given store, reached the way a client reaches it: through the front door. */
final class DaemonFixture implements AutoCloseable {

    static final Duration RUN_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(20);
    private static final AtomicInteger SYSTEMS = new AtomicInteger();

    final ActorSystem<Void> system;
    final ActorRef<FrontDoorCommand> frontDoor;

    private DaemonFixture(ActorSystem<Void> system, ActorRef<FrontDoorCommand> frontDoor) {
        this.system = system;
        this.frontDoor = frontDoor;
    }

    static DaemonFixture start(RunStore store, Path dataDir, int maxActiveRuns) {
        return start(store, dataDir, maxActiveRuns, 8192);
    }

    static DaemonFixture start(RunStore store, Path dataDir, int maxActiveRuns, int maxEvalRows) {
        return start(store, dataDir, maxActiveRuns, maxEvalRows, List.of());
    }

    /** A daemon whose runs' events go to {@code observers}. */
    static DaemonFixture start(RunStore store, Path dataDir, int maxActiveRuns, int maxEvalRows,
            List<RunObserver> observers) {
        return start(store, new DaemonSettings(maxEvalRows, maxActiveRuns, dataDir.resolve("runs")), observers);
    }

    /** A daemon with the given settings. */
    static DaemonFixture start(RunStore store, DaemonSettings settings, List<RunObserver> observers) {
        ActorSystem<Void> system = ActorSystem.create(Daemon.create(store, settings, observers),
                "daemon-" + SYSTEMS.incrementAndGet());
        TestProbe<Receptionist.Listing> listing = TestProbe.create(system);
        for (int attempt = 0; ; attempt++) {
            system.receptionist().tell(Receptionist.find(FrontDoorCommand.KEY, listing.getRef()));
            Set<ActorRef<FrontDoorCommand>> found = listing.receiveMessage(REPLY_TIMEOUT).getServiceInstances(FrontDoorCommand.KEY);
            if (!found.isEmpty()) {
                return new DaemonFixture(system, found.iterator().next());
            }
            assertThat(attempt).as("front door registered").isLessThan(100);
            sleep(20);
        }
    }

    <T> TestProbe<T> probe() {
        return TestProbe.create(system);
    }

    FrontDoorCommand.SubmitReply submitReply(String specText) {
        return submitReply(specText, null);
    }

    /** A submission under the client's {@code requestId} (null: none). */
    FrontDoorCommand.SubmitReply submitReply(String specText, String requestId) {
        TestProbe<FrontDoorCommand.SubmitReply> probe = probe();
        frontDoor.tell(new FrontDoorCommand.Submit(specText, null, requestId, probe.getRef()));
        return probe.receiveMessage(REPLY_TIMEOUT);
    }

    List<RunStatus> list() {
        TestProbe<FrontDoorCommand.RunList> probe = probe();
        frontDoor.tell(new FrontDoorCommand.ListRuns(probe.getRef()));
        return probe.receiveMessage(REPLY_TIMEOUT).runs();
    }

    String submit(String specText) {
        FrontDoorCommand.SubmitReply reply = submitReply(specText);
        assertThat(reply).isInstanceOf(FrontDoorCommand.Submitted.class);
        return ((FrontDoorCommand.Submitted) reply).runId();
    }

    FrontDoorCommand.StatusReply statusReply(String runId) {
        TestProbe<FrontDoorCommand.StatusReply> probe = probe();
        frontDoor.tell(new FrontDoorCommand.GetStatus(runId, probe.getRef()));
        return probe.receiveMessage(REPLY_TIMEOUT);
    }

    RunStatus status(String runId) {
        return ((FrontDoorCommand.Status) statusReply(runId)).status();
    }

    RunStatus control(String runId, Action action) {
        return ((FrontDoorCommand.Status) controlReply(runId, action)).status();
    }

    FrontDoorCommand.StatusReply controlReply(String runId, Action action) {
        TestProbe<FrontDoorCommand.StatusReply> probe = probe();
        frontDoor.tell(new FrontDoorCommand.Control(runId, action, probe.getRef()));
        return probe.receiveMessage(REPLY_TIMEOUT);
    }

    /** Polls the run's status until it matches. */
    RunStatus await(String runId, Predicate<RunStatus> until) {
        return RunAwait.until(() -> status(runId), until, RUN_TIMEOUT);
    }

    RunStatus awaitEnd(String runId) {
        return await(runId, s -> RunStates.ended(s.state()));
    }

    FrontDoorCommand.ExportReply export(String runId, Path out) {
        TestProbe<FrontDoorCommand.ExportReply> probe = probe();
        frontDoor.tell(new FrontDoorCommand.Export(runId, out.toString(), probe.getRef()));
        return probe.receiveMessage(REPLY_TIMEOUT);
    }

    /**
     * Exports run {@code runId} to {@code dir/export} and checks that its samples.csv and metrics.csv are
     * byte-identical to those {@code bin/diffusim run} of {@code spec} writes to {@code dir/local}; returns the
     * export's directory.
     */
    Path assertExportIsTheLocalRun(String runId, String spec, Path dir) {
        Path out = dir.resolve("export");
        assertThat(export(runId, out)).isInstanceOf(FrontDoorCommand.Exported.class);
        try {
            assertThat(Files.readAllBytes(out.resolve("samples.csv"))).as("samples.csv")
                    .isEqualTo(RunSpecs.localSamples(spec, dir.resolve("local")));
            assertThat(Files.readAllBytes(out.resolve("metrics.csv"))).as("metrics.csv")
                    .isEqualTo(Files.readAllBytes(dir.resolve("local/metrics.csv")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    FrontDoorCommand.MetricsReply metrics(String runId, int fromIndex) {
        TestProbe<FrontDoorCommand.MetricsReply> probe = probe();
        frontDoor.tell(new FrontDoorCommand.GetMetrics(runId, fromIndex, probe.getRef()));
        return probe.receiveMessage(REPLY_TIMEOUT);
    }

    /**
     * Kills the actor at {@code path} (e.g. {@code /user/run-registry/run-1/batch-0}; wildcards pick one), as a
     * crash would: it fails with {@code ActorKilledException} and stops.
     */
    void kill(String path) {
        resolve(path).tell(Kill.getInstance(), org.apache.pekko.actor.ActorRef.noSender());
    }

    /** The actor at {@code path} now. */
    org.apache.pekko.actor.ActorRef resolve(String path) {
        return system.classicSystem().actorSelection(path).resolveOne(REPLY_TIMEOUT).toCompletableFuture().join();
    }

    /** The actor at {@code path}, if there is one now. */
    boolean exists(String path) {
        try {
            system.classicSystem().actorSelection(path).resolveOne(Duration.ofSeconds(1)).toCompletableFuture().join();
            return true;
        } catch (java.util.concurrent.CompletionException notThere) {
            return false;
        }
    }

    @Override
    public void close() {
        system.terminate();
        system.getWhenTerminated().toCompletableFuture().join();
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
