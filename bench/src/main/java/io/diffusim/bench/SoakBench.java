package io.diffusim.bench;

import io.diffusim.actors.client.DaemonClient;
import io.diffusim.actors.client.DaemonLocation;
import io.diffusim.actors.daemon.DaemonMain;
import io.diffusim.actors.daemon.DaemonProcess;
import io.diffusim.actors.runtime.ProcessResources;
import io.diffusim.model.Nd4jRuntime;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * The soak (issue 20): a real daemon (Chronicle store, Artery, the CLI's client) in this JVM takes {@value #RUNS} small
 * runs in waves of {@value #WAVE}, spread evenly over {@code -Ddiffusim.soak.minutes} (15); every
 * {@code -Ddiffusim.soak.sample-seconds} (10) the process's resident memory, its anonymous memory outside the Java heap
 * (ND4J's arrays and other native allocations), the heap in use, threads and file descriptors are sampled
 * ({@link ProcessResources}). It prints the samples and, for each, the least-squares slope over the second half of the
 * soak (the first half holds the warm-up: JIT, pools, the store's first pages), per hour; a leak is a slope that stays
 * positive however long the soak. {@code bench/run-runtime soak [MINUTES]} runs it.
 */
public final class SoakBench {

    private static final int RUNS = 100;
    private static final int WAVE = 5;
    private static final double MIB = 1 << 20;
    private static final String SPEC = """
            run {
              name = "soak-%d"
              seed = %d
              particles = 200
              batch-size = 100
              data { kind = moons, n = 300 }
              process { kind = vp, timesteps = 40 }
              model { kind = empirical }
              sampler { kind = ddpm }
              analyses = [ { kind = kl, k = 3 } ]
              record-every = 4
              checkpoint-every = 8
            }
            """;

    /**
     * One sample, {@code seconds} after the soak began; {@code liveHeapBytes} is the heap the last collection of each
     * pool left, which unlike the heap in use does not swing with the garbage between collections.
     */
    private record Sample(double seconds, ProcessResources resources, long liveHeapBytes) {
    }

    private SoakBench() {
    }

    public static void main(String[] args) throws Exception {
        Nd4jRuntime.configure(Integer.getInteger("diffusim.threads", Runtime.getRuntime().availableProcessors()));
        double minutes = args.length > 0 ? Double.parseDouble(args[0])
                : Double.parseDouble(System.getProperty("diffusim.soak.minutes", "15"));
        long sampleMs = Long.getLong("diffusim.soak.sample-seconds", 10) * 1000;
        Path work = Files.createTempDirectory("diffusim-soak");
        List<Sample> samples = new CopyOnWriteArrayList<>();
        long start = System.nanoTime();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> samples.add(new Sample((System.nanoTime() - start) * 1e-9,
                ProcessResources.sample(), liveHeap())), 0, sampleMs, TimeUnit.MILLISECONDS);
        long waveNs = (long) (minutes * 60e9 / (RUNS / WAVE));
        try (DaemonProcess daemon = DaemonProcess.start(work.resolve("data"), "127.0.0.1", 0, DaemonMain::parts);
                DaemonClient client = DaemonClient.connect(DaemonLocation.find(daemon.dataDir(), null))) {
            for (int wave = 0; wave < RUNS / WAVE; wave++) {
                long due = start + wave * waveNs;
                TimeUnit.NANOSECONDS.sleep(Math.max(0, due - System.nanoTime()));
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < WAVE; i++) {
                    int run = wave * WAVE + i;
                    ids.add(BenchRuns.submit(client, SPEC.formatted(run, run), work));
                }
                BenchRuns.awaitDone(client, ids, BenchRuns.QUIET_POLL_MS);
                System.out.printf(Locale.ROOT, "wave %d of %d done at %.0f s%n", wave + 1, RUNS / WAVE,
                        (System.nanoTime() - start) * 1e-9);
            }
            TimeUnit.NANOSECONDS.sleep(Math.max(0, start + (long) (minutes * 60e9) - System.nanoTime()));
        } finally {
            sampler.shutdownNow();
        }
        report(samples, minutes);
    }

    private static long liveHeap() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage afterCollection = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
            bytes += afterCollection == null ? 0 : afterCollection.getUsed();
        }
        return bytes;
    }

    private static void report(List<Sample> samples, double minutes) {
        System.out.println("seconds,rss_mib,anonymous_mib,off_heap_mib,heap_used_mib,live_heap_mib,threads,fds");
        for (Sample s : samples) {
            ProcessResources r = s.resources();
            System.out.printf(Locale.ROOT, "%.0f,%.1f,%.1f,%.1f,%.1f,%.1f,%d,%d%n", s.seconds(), r.rssBytes() / MIB,
                    r.anonymousBytes() / MIB, r.offHeapBytes() / MIB, r.heapUsedBytes() / MIB, s.liveHeapBytes() / MIB,
                    r.threads(), r.fileDescriptors());
        }
        List<Sample> late = samples.subList(samples.size() / 2, samples.size());
        System.out.printf(Locale.ROOT, "soak of %.1f min, %d runs, %d samples; slopes over the second half, per hour:"
                + " rss %+.1f MiB, off-heap native %+.1f MiB, live heap %+.1f MiB, threads %+.1f, fds %+.1f%n", minutes,
                RUNS, samples.size(), slope(late, s -> s.resources().rssBytes() / MIB),
                slope(late, s -> s.resources().offHeapBytes() / MIB), slope(late, s -> s.liveHeapBytes() / MIB),
                slope(late, s -> s.resources().threads()), slope(late, s -> s.resources().fileDescriptors()));
    }

    /** Least-squares slope of {@code value} against time, per hour. */
    private static double slope(List<Sample> samples, ToDoubleFunction<Sample> value) {
        double n = samples.size();
        double meanT = samples.stream().mapToDouble(Sample::seconds).average().orElse(0);
        double meanV = samples.stream().mapToDouble(value).average().orElse(0);
        double covariance = 0;
        double variance = 0;
        for (Sample s : samples) {
            double dt = s.seconds() - meanT;
            covariance += dt * (value.applyAsDouble(s) - meanV);
            variance += dt * dt;
        }
        return n < 2 || variance == 0 ? Double.NaN : covariance / variance * 3600;
    }
}
