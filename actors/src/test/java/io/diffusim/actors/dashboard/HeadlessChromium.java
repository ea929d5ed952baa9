package io.diffusim.actors.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium and chromium-driver, headless, driven by Selenium without Selenium Manager (nothing is
 * downloaded). Missing binaries fail the test that needs them, naming the package; bin/test installs both.
 */
final class HeadlessChromium {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChromium() {
    }

    /** A new headless browser with a fresh profile under {@code profileDir}. */
    static ChromeDriver start(Path profileDir) {
        assertThat(CHROMIUM).as("%s missing: Debian package chromium is not installed; bin/test installs it"
                + " (or: sudo apt-get install -y chromium chromium-driver)", CHROMIUM).isExecutable();
        assertThat(CHROMEDRIVER).as("%s missing: Debian package chromium-driver is not installed; bin/test installs it"
                + " (or: sudo apt-get install -y chromium-driver)", CHROMEDRIVER).isExecutable();
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1800", "--user-data-dir=" + profileDir.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
