package io.diffusim.actors.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffusim.actors.protocol.FrontDoorCommand.Action;
import io.diffusim.actors.protocol.FrontDoorCommand.RunStatus;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The run page in a real browser (headless Debian chromium): its chart grows while the run goes, its pause, resume
 * and stop buttons change the run (as seen through the front door) and the page's status, the pace shows, the 2-D
 * particle snapshot appears, and a done run shows its samples.png and offers its output as a zip. Leaves screenshots
 * under {@code <build dir>/dashboard/}.
 */
class DashboardBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void shouldShowALiveRunAndControlItFromThePage() throws IOException, URISyntaxException {
        ChromeDriver browser = HeadlessChromium.start(dir.resolve("profile"));
        try (DashboardFixture fixture = DashboardFixture.start(dir.resolve("data"))) {
            String id = fixture.submit(DashboardFixture.moons("watched", 256, 400,
                    "{ kind = nearest-neighbour }, { kind = w1 }, " + DashboardHttpTest.NOISE_POSTERIOR, 20));
            try {
                browser.get(fixture.loginUrl());
                browser.get(fixture.url("/runs/" + id));
                WebDriverWait wait = new WebDriverWait(browser, WAIT);
                long first = wait.until(b -> positive(chartPoints(b)));
                long grown = wait.until(b -> chartPoints(b) > first ? chartPoints(b) : null);
                assertThat(grown).isGreaterThan(first);
                assertThat(fixture.status(id).state()).isEqualTo("running");

                assertThat(browser.findElement(By.id("pause")).isDisplayed()).as("pause on a running run").isTrue();
                assertThat(browser.findElement(By.id("resume")).isDisplayed()).as("resume on a running run").isFalse();
                browser.findElement(By.id("pause")).click();
                wait.until(b -> b.findElement(By.id("state")).getText().equals("paused"));
                assertThat(fixture.status(id).state()).isEqualTo("paused");
                assertThat(browser.findElement(By.id("pause")).isDisplayed()).as("pause on a paused run").isFalse();

                browser.findElement(By.id("resume")).click();
                wait.until(b -> b.findElement(By.id("state")).getText().equals("running"));
                assertThat(fixture.status(id).state()).isEqualTo("running");

                long particles = wait.until(b -> positive(script(b, """
                        const c = document.getElementById('snapshot-scatter');
                        return c ? Chart.getChart(c).data.datasets[0].data.length : 0;""")));
                assertThat(particles).isEqualTo(256);
                assertThat(script(browser, """
                        const s = Chart.getChart(document.getElementById('snapshot-scatter')).scales.x;
                        const xs = Chart.getChart(document.getElementById('snapshot-scatter')).data.datasets[0].data.map(p => p.x);
                        return xs.every(x => x >= s.min && x <= s.max) ? 1 : 0;""")).as("every particle inside the x axis").isEqualTo(1);
                assertThat(browser.findElement(By.id("spec")).getText()).contains("timesteps = 400");

                // the tab leaves the run's page mid-run (its live feed closes) and comes back
                int left = fixture.status(id).step();
                browser.get("about:blank");
                RunStatus meanwhile = fixture.await(id, s -> s.step() > left + 5 || s.ended());
                assertThat(meanwhile.state()).isEqualTo("running");
                browser.get(fixture.url("/runs/" + id));
                long reopened = wait.until(b -> positive(chartPoints(b)));
                long resumed = wait.until(b -> chartPoints(b) > reopened ? chartPoints(b) : null);
                assertThat(resumed).isGreaterThan(reopened);
                assertThat(fixture.status(id).state()).isEqualTo("running");

                String pace = wait.until(b -> b.findElement(By.id("pace")).getText().isEmpty() ? null
                        : b.findElement(By.id("pace")).getText());
                assertThat(pace).as("rate and time left of a DDPM run").matches("[0-9.]+ steps/s, .+ left");
                assertThat(browser.findElement(By.id("output")).isDisplayed()).as("no output before done").isFalse();

                Path screenshot = buildDirectory().resolve("dashboard").resolve("run-page.png");
                Files.createDirectories(screenshot.getParent());
                Files.write(screenshot, browser.getScreenshotAs(OutputType.BYTES));
                assertThat(Files.size(screenshot)).isPositive();

                browser.findElement(By.id("stop")).click();
                wait.until(b -> b.findElement(By.id("state")).getText().equals("stopped"));
                assertThat(browser.findElement(By.id("reason")).getText()).startsWith("stopped on request at step ");
                assertThat(browser.findElement(By.id("pace")).getText()).as("an ended run has no pace").isEmpty();
                for (String control : List.of("pause", "resume", "stop")) {
                    assertThat(browser.findElement(By.id(control)).isDisplayed()).as(control + " on a stopped run").isFalse();
                }
                browser.get(fixture.url("/"));
                WebElement row = wait.until(b -> b.findElements(By.cssSelector("#runs tr[data-run-id='" + id + "']"))
                        .stream().findFirst().orElse(null));
                assertThat(row.findElement(By.className("state")).getText()).isEqualTo("stopped");
                assertThat(row.findElement(By.className("reason")).getText()).startsWith("stopped on request at step ");
            } finally {
                fixture.control(id, Action.STOP);
            }
        } finally {
            browser.quit();
        }
    }

    @Test
    void shouldShowAFinishedRunsValuesAsNumbersAndNoControls() throws IOException, URISyntaxException {
        ChromeDriver browser = HeadlessChromium.start(dir.resolve("profile"));
        try (DashboardFixture fixture = DashboardFixture.start(dir.resolve("data"))) {
            String id = fixture.submit(DashboardFixture.moons("finished", 24, 10,
                    "{ kind = nearest-neighbour }, " + DashboardHttpTest.NOISE_POSTERIOR, 5));
            assertThat(fixture.await(id, RunStatus::ended).state()).isEqualTo("done");
            browser.get(fixture.loginUrl());
            browser.get(fixture.url("/runs/" + id));
            WebDriverWait wait = new WebDriverWait(browser, WAIT);
            WebElement copied = wait.until(b -> b.findElements(
                    By.cssSelector("#values tr[data-series='nearest-neighbour.copied-fraction']")).stream().findFirst()
                    .orElse(null));
            List<WebElement> cells = copied.findElements(By.tagName("td"));
            assertThat(cells.get(0).getText()).isEqualTo("nearest-neighbour.copied-fraction");
            assertThat(Double.parseDouble(cells.get(1).getText())).isBetween(0.0, 1.0);
            assertThat(Integer.parseInt(cells.get(2).getText())).as("its step").isBetween(0, 10);
            assertThat(browser.findElements(By.cssSelector("canvas[data-series='nearest-neighbour.copied-fraction']")))
                    .as("no one-point chart").isEmpty();
            long charted = wait.until(b -> positive(chartPoints(b)));
            assertThat(charted).as("the per-step series still gets its chart").isGreaterThan(1);
            for (String control : List.of("pause", "resume", "stop")) {
                assertThat(browser.findElement(By.id(control)).isDisplayed()).as(control + " on a done run").isFalse();
            }
            long drawnWidth = wait.until(b -> positive(script(b, "return document.getElementById('samples-png').naturalWidth;")));
            assertThat(drawnWidth)
                    .as("samples.png loaded and drawn").isGreaterThan(100);
            WebElement download = browser.findElement(By.id("download"));
            assertThat(download.isDisplayed()).isTrue();
            assertThat(download.getAttribute("href")).isEqualTo(fixture.url("/api/runs/" + id + "/output.zip"));
            assertThat(script(browser, """
                    const r = new XMLHttpRequest();
                    r.open('GET', document.getElementById('download').href, false);
                    r.overrideMimeType('text/plain; charset=x-user-defined');
                    r.send();
                    return r.status === 200 && r.responseText.startsWith('PK') ? 1 : 0;""")).as("the link gives a zip")
                    .isEqualTo(1);
            Path screenshot = buildDirectory().resolve("dashboard").resolve("finished-run-page.png");
            Files.createDirectories(screenshot.getParent());
            Files.write(screenshot, browser.getScreenshotAs(OutputType.BYTES));
        } finally {
            browser.quit();
        }
    }

    @Test
    void shouldChartATrainingJobsLossLiveAndShowItsLossPlotWhenDone() throws IOException, URISyntaxException {
        ChromeDriver browser = HeadlessChromium.start(dir.resolve("profile"));
        try (DashboardFixture fixture = DashboardFixture.start(dir.resolve("data"))) {
            String id = fixture.submit("""
                    run {
                      job = train, record-every = 5
                      data { kind = moons, n = 500 }
                      process { kind = vp, timesteps = 50 }
                      model { kind = mlp, width = 32, blocks = 1, checkpoint = "page-loss",
                              train { steps = 3000, batch-size = 32, save-every = 0 } }
                    }
                    """);
            browser.get(fixture.loginUrl());
            browser.get(fixture.url("/runs/" + id));
            WebDriverWait wait = new WebDriverWait(browser, WAIT);
            long first = wait.until(b -> positive(lossPoints(b)));
            long grown = wait.until(b -> lossPoints(b) > first ? lossPoints(b) : null);
            assertThat(grown).as("the loss chart grows while the job trains").isGreaterThan(first);
            assertThat(browser.findElement(By.id("particles")).isDisplayed()).as("no particles in a training").isFalse();
            assertThat(fixture.await(id, RunStatus::ended).state()).isEqualTo("done");
            browser.navigate().refresh();
            long drawnWidth = wait.until(b -> positive(script(b, "return document.getElementById('samples-png').naturalWidth;")));
            assertThat(drawnWidth).as("train.loss.png loaded and drawn").isGreaterThan(100);
        } finally {
            browser.quit();
        }
    }

    private static long lossPoints(org.openqa.selenium.WebDriver browser) {
        return script(browser, """
                const c = document.querySelector('canvas.series-chart[data-series="train.loss"]');
                return c ? Chart.getChart(c).data.datasets[0].data.length : 0;""");
    }

    /** Points in the page's first metric chart, read from Chart.js itself. */
    private static long chartPoints(org.openqa.selenium.WebDriver browser) {
        return script(browser, """
                const c = document.querySelector('canvas.series-chart[data-series="noise-posterior.t-mean"]')
                    || document.querySelector('canvas.series-chart');
                return c ? Chart.getChart(c).data.datasets[0].data.length : 0;""");
    }

    private static long script(org.openqa.selenium.WebDriver browser, String script) {
        Object value = ((JavascriptExecutor) browser).executeScript(script);
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Long positive(long value) {
        return value > 0 ? value : null;
    }

    /** The module's build directory (target, or target-NAME): the parent of the test classes. */
    private static Path buildDirectory() throws URISyntaxException {
        return Path.of(DashboardBrowserTest.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
    }
}
