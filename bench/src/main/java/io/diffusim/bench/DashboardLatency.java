package io.diffusim.bench;

import io.diffusim.actors.client.DaemonClient;
import io.diffusim.actors.client.DaemonLocation;
import io.diffusim.actors.dashboard.Dashboard;
import io.diffusim.actors.dashboard.DashboardHub;
import io.diffusim.actors.dashboard.DashboardSettings;
import io.diffusim.actors.daemon.DaemonMain;
import io.diffusim.actors.daemon.DaemonProcess;
import io.diffusim.actors.protocol.FrontDoorCommand.Action;
import io.diffusim.actors.runtime.DaemonHealth;
import io.diffusim.actors.runtime.RunObserver;
import io.diffusim.actors.store.MetricRecord;
import io.diffusim.model.Nd4jRuntime;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The dashboard's live feed end to end (issue #4): for every batch of metric records, the time from the daemon's
 * {@code RunEvents.recorded} call (stamped by the dashboard's hub) to the run page's receipt of the server-sent event
 * in headless chromium (performance.timeOrigin + performance.now()), as p50 and p99, and the rate at which the page
 * received records. The daemon is the real one (Chronicle store, metric stream, Artery, the CLI's client) on a
 * temporary data directory; the run records every step. A second phase floods the feed of a paused run with
 * synthetic records through the same hub at a fixed pace, to show the feed's latency at a record rate well above
 * what a simulation makes. A plain main: {@code java ... io.diffusim.bench.DashboardLatency [timesteps] [flood-rate]}.
 */
public final class DashboardLatency {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /** Moons, the optimal empirical denoiser, DDPM; the noise posterior records 2 values at every step. */
    private static final String SPEC = """
            run {
              name = "dashboard-latency"
              seed = 1
              particles = 64
              batch-size = 64
              data { kind = moons, n = 300 }
              process { kind = vp, timesteps = %d }
              model { kind = empirical }
              sampler { kind = ddpm }
              analyses = [ { kind = noise-posterior, grid = 40, refine-grid = 41 } ]
              record-every = 1
              checkpoint-every = 50
            }
            """;

    private DashboardLatency() {
    }

    public static void main(String[] args) throws Exception {
        int timesteps = args.length == 0 ? 400 : Integer.parseInt(args[0]);
        int floodRate = args.length < 2 ? 5000 : Integer.parseInt(args[1]);
        Nd4jRuntime.configure(Integer.getInteger("diffusim.threads", Runtime.getRuntime().availableProcessors()));
        Path work = Files.createTempDirectory("diffusim-dashboard-bench");
        DashboardSettings settings = DashboardSettings.from(com.typesafe.config.ConfigFactory.load()).withPort(0);
        DashboardHub hub = new DashboardHub(settings.maxPoints());
        DaemonHealth health = new DaemonHealth(Instant.now());
        ChromeDriver browser = chromium(work.resolve("profile"));
        try (DaemonProcess daemon = DaemonProcess.start(work.resolve("data"), "127.0.0.1", 0,
                (dir, config) -> DaemonMain.parts(dir, config, List.of(new RunObserver("dashboard", hub)), health));
                DaemonClient client = DaemonClient.connect(DaemonLocation.find(daemon.dataDir(), null))) {
            Dashboard dashboard = Dashboard.start(daemon.system(), hub, health, "127.0.0.1", settings,
                    daemon.runsDirectory());
            String id = BenchRuns.submit(client, SPEC.formatted(timesteps), work);
            browser.get(dashboard.loginUrl());
            browser.get(dashboard.url() + "runs/" + id);
            BenchRuns.awaitDone(client, List.of(id), BenchRuns.QUIET_POLL_MS);
            Thread.sleep(1000);
            report("run " + id, (JavascriptExecutor) browser);
            flood(client, hub, dashboard, browser, work, floodRate);
        } finally {
            browser.quit();
        }
    }

    /** 10 s of synthetic records, {@code rate} a second in events of 4, into the feed of a paused run. */
    private static void flood(DaemonClient client, DashboardHub hub, Dashboard dashboard, ChromeDriver browser, Path work,
            int rate) throws Exception {
        String id = BenchRuns.submit(client, SPEC.formatted(10_000).replace("dashboard-latency", "dashboard-flood"), work);
        client.control(id, Action.PAUSE);
        Thread.sleep(500);
        int index = client.metrics(id, 0).nextIndex();
        browser.get(dashboard.url() + "runs/" + id);
        Thread.sleep(2000);
        int perEvent = 4;
        long intervalNs = 1_000_000_000L * perEvent / rate;
        long startNs = System.nanoTime();
        for (int event = 0; event < rate * 10 / perEvent; event++) {
            while (System.nanoTime() < startNs + event * intervalNs) {
                Thread.onSpinWait();
            }
            List<MetricRecord> records = new ArrayList<>(perEvent);
            for (int k = 0; k < perEvent; k++) {
                records.add(new MetricRecord("flood", "m" + k, event, 0.0, event * 0.001 + k));
            }
            hub.recorded(id, index, records);
            index += perEvent;
        }
        Thread.sleep(1000);
        report("flood at " + rate + " records/s, sent " + rate * 10, (JavascriptExecutor) browser);
        client.control(id, Action.STOP);
    }

    @SuppressWarnings("unchecked")
    private static void report(String what, JavascriptExecutor page) {
        Map<String, Object> feed = (Map<String, Object>) page.executeScript("""
                const f = window.dashboardFeed;
                return { latencies: f.latencies, records: f.records, seconds: (f.lastMs - f.firstMs) / 1000 };""");
        double[] latencies = ((List<Number>) feed.get("latencies")).stream().mapToDouble(Number::doubleValue).sorted()
                .toArray();
        long records = ((Number) feed.get("records")).longValue();
        double seconds = ((Number) feed.get("seconds")).doubleValue();
        System.out.printf(Locale.ROOT, "%s: received %d records in %d events over %.1f s%n", what, records,
                latencies.length, seconds);
        System.out.printf(Locale.ROOT, "record -> browser latency: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                percentile(latencies, 0.50), percentile(latencies, 0.99), latencies[latencies.length - 1]);
        System.out.printf(Locale.ROOT, "stream record rate: %.0f records/s (%.0f events/s)%n", records / seconds,
                latencies.length / seconds);
    }

    private static double percentile(double[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    /** Debian's chromium, headless, without Selenium Manager (nothing is downloaded). */
    private static ChromeDriver chromium(Path profile) {
        for (Path binary : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(binary)) {
                throw new IllegalStateException(binary + " missing: apt-get install chromium chromium-driver");
            }
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(Arrays.asList("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile.toAbsolutePath()));
        return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort().withTimeout(Duration.ofSeconds(30)).build(), options);
    }
}
