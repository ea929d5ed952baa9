package io.diffusim.bench;

import io.diffusim.actors.client.DaemonClient;
import io.diffusim.actors.client.DaemonLocation;
import io.diffusim.actors.daemon.DaemonMain;
import io.diffusim.actors.daemon.DaemonProcess;
import io.diffusim.analysis.run.LocalRun;
import io.diffusim.analysis.run.RunProgress;
import io.diffusim.config.RunSpec;
import io.diffusim.config.SpecLoader;
import io.diffusim.model.Nd4jRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The actor runtime's two ratios (issue: actor runtime), each measured in one JVM:
 * <ul>
 * <li>actor overhead = in-process {@code run} throughput / daemon throughput for examples/demo.conf (batch 2048),
 *   both the particle-steps per second of sampling that summary.json reports, each daemon run between two in-process
 *   runs, median of {@code -Ddiffusim.bench.rounds} (9) rounds (target: at most 1.05);</li>
 * <li>continuous batching = throughput of 32 concurrent runs of 256 particles / throughput of one run of 8,192
 *   particles on the same model, wall clock from submission to the last run's end (target: at least 0.7).</li>
 * </ul>
 * {@code bench/run-runtime [overhead [SPEC]|batching]} runs it (overhead on another spec than demo.conf with SPEC); the daemon is the real one (Chronicle store, Artery,
 * the client every command uses) on a temporary data directory.
 */
public final class RuntimeBench {

    private static final int CONCURRENT_RUNS = 32;
    private static final int SMALL_RUN = 256;
    private static final int LARGE_RUN = 8192;
    private static final int OVERHEAD_ROUNDS = Integer.getInteger("diffusim.bench.rounds", 9);

    /** The demo's model and chain without analyses: only sampling is timed. */
    private static final String BATCHING_SPEC = """
            run {
              name = "%s"
              seed = 0
              particles = %d
              batch-size = 2048
              data { kind = moons, n = 2000 }
              process { kind = vp, schedule = linear, timesteps = 100 }
              model { kind = empirical }
              sampler { kind = ddpm }
              analyses = []
            }
            """;

    private RuntimeBench() {
    }

    public static void main(String[] args) throws Exception {
        Nd4jRuntime.configure(Integer.getInteger("diffusim.threads", Runtime.getRuntime().availableProcessors()));
        System.setProperty("diffusim.runtime.max-active-runs", Integer.toString(CONCURRENT_RUNS));
        com.typesafe.config.ConfigFactory.invalidateCaches();
        Path root = Path.of(System.getProperty("diffusim.home", "."));
        Path work = Files.createTempDirectory("diffusim-runtime-bench");
        String which = args.length == 0 ? "all" : args[0];
        if (which.equals("all") || which.equals("overhead")) {
            overhead(args.length > 1 ? Path.of(args[1]).toAbsolutePath() : root.resolve("examples/demo.conf").toAbsolutePath(),
                    work);
        }
        if (which.equals("all") || which.equals("batching")) {
            batching(work);
        }
    }

    private static void overhead(Path demo, Path work) throws Exception {
        RunSpec spec = SpecLoader.load(demo);
        local(spec, work, "warm-up");
        try (DaemonProcess process = DaemonProcess.start(work.resolve("data-overhead"), "127.0.0.1", 0, DaemonMain::parts);
                DaemonClient client = DaemonClient.connect(DaemonLocation.find(process.dataDir(), null))) {
            // alternating, each daemon run between two in-process runs, so drift in the machine's speed falls on both
            // sides alike (identical runs here vary by up to 25%); the median ratio is reported
            double[] ratios = new double[OVERHEAD_ROUNDS];
            // a long-running daemon is measured warm, as the in-process side is after its warm-up run
            daemon(client, demo, work.resolve("export-warm-up"));
            double before = local(spec, work, "run-0");
            for (int round = 0; round < OVERHEAD_ROUNDS; round++) {
                double daemon = daemon(client, demo, work.resolve("export-" + round));
                double after = local(spec, work, "run-" + (round + 1));
                ratios[round] = (before + after) / 2 / daemon;
                System.out.printf(Locale.ROOT, "round %d: run %.0f, daemon %.0f, run %.0f particle-steps/s, ratio %.3f%n",
                        round, before, daemon, after, ratios[round]);
                before = after;
            }
            Arrays.sort(ratios);
            System.out.printf(Locale.ROOT, "actor overhead (%s): run/daemon, median of %d rounds %.3f (target <= 1.05)%n",
                    demo.getFileName(), OVERHEAD_ROUNDS, ratios[OVERHEAD_ROUNDS / 2]);
        }
    }

    /** The particle-steps per second of sampling of the spec file {@code spec} submitted to the daemon. */
    private static double daemon(DaemonClient client, Path spec, Path export) throws Exception {
        String id = BenchRuns.submit(client, Files.readString(spec), spec.getParent());
        BenchRuns.awaitDone(client, List.of(id), BenchRuns.QUIET_POLL_MS);
        return BenchRuns.throughput(client, id, export);
    }

    /** The particle-steps per second of sampling of {@code spec} run in this process ({@code bin/diffusim run}). */
    private static double local(RunSpec spec, Path work, String name) throws Exception {
        return new LocalRun(spec, work.resolve(name), RunProgress.NONE).run().timing().get("particle-steps-per-second");
    }

    private static void batching(Path work) throws Exception {
        try (DaemonProcess process = DaemonProcess.start(work.resolve("data-batching"), "127.0.0.1", 0, DaemonMain::parts);
                DaemonClient client = DaemonClient.connect(DaemonLocation.find(process.dataDir(), null))) {
            // a first run builds the shared model replica, so neither measurement pays for it
            BenchRuns.awaitDone(client, List.of(BenchRuns.submit(client, BATCHING_SPEC.formatted("warm-up", SMALL_RUN), work)),
                    BenchRuns.WALL_CLOCK_POLL_MS);
            long start = System.nanoTime();
            BenchRuns.awaitDone(client, List.of(BenchRuns.submit(client, BATCHING_SPEC.formatted("one-large", LARGE_RUN), work)),
                    BenchRuns.WALL_CLOCK_POLL_MS);
            double one = LARGE_RUN * 100 / ((System.nanoTime() - start) * 1e-9);
            start = System.nanoTime();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < CONCURRENT_RUNS; i++) {
                ids.add(BenchRuns.submit(client, BATCHING_SPEC.formatted("small-" + i, SMALL_RUN), work));
            }
            BenchRuns.awaitDone(client, ids, BenchRuns.WALL_CLOCK_POLL_MS);
            double many = CONCURRENT_RUNS * SMALL_RUN * 100 / ((System.nanoTime() - start) * 1e-9);
            System.out.printf(Locale.ROOT, "continuous batching: one run of %d particles %.0f particle-steps/s, %d"
                    + " concurrent runs of %d %.0f particle-steps/s, ratio %.3f (target >= 0.7)%n", LARGE_RUN, one,
                    CONCURRENT_RUNS, SMALL_RUN, many, many / one);
        }
    }
}
