package io.diffusim.actors.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The runtime settings come from diffusim-runtime.conf once, validated. */
class DaemonSettingsTest {

    @Test
    void theDefaultsComeFromReferenceConfAndRunsLiveUnderTheDataDirectory() {
        DaemonSettings settings = DaemonSettings.from(ConfigFactory.load(), Path.of("/data/dir"));
        DaemonSettings unconfined = new DaemonSettings(4096, 8, Path.of("/data/dir/runs"));
        assertThat(settings).isEqualTo(new DaemonSettings(4096, 8, Path.of("/data/dir/runs"), 10_000, 3,
                unconfined.memoryLimit(), List.of(Path.of("/data/dir"), Path.of("/usr/share/datasets")), 256L << 20));
        assertThat(settings.runDirectory("r-1")).isEqualTo(Path.of("/data/dir/runs/r-1"));
        assertThat(ConfigFactory.load().hasPath(DaemonSettings.DEVICE_DISPATCHER)).isTrue();
    }

    @Test
    void theMemoryLimitIsASizeOrHalfTheMachine() {
        DaemonSettings sized = DaemonSettings.from(ConfigFactory.parseString("diffusim.runtime.memory-limit = 12 GiB")
                .withFallback(ConfigFactory.load()), Path.of("/d"));
        assertThat(sized.memoryLimit()).isEqualTo(12L << 30);
        long physical = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getTotalMemorySize();
        assertThat(DaemonSettings.from(ConfigFactory.load(), Path.of("/d")).memoryLimit()).isEqualTo(physical / 2);
    }

    @Test
    void aDataRootMustBeAbsolute() {
        assertThatThrownBy(() -> DaemonSettings.from(ConfigFactory.parseString("diffusim.runtime.data-roots = [data]")
                .withFallback(ConfigFactory.load()), Path.of("/d")))
                .hasMessage("diffusim.runtime.data-roots: \"data\" is not an absolute path");
        assertThat(DaemonSettings.from(ConfigFactory.parseString("diffusim.runtime.data-roots = [\"/srv/points\"]")
                .withFallback(ConfigFactory.load()), Path.of("/d")).dataRoots()).endsWith(Path.of("/srv/points"));
    }

    @Test
    void aCapBelowOneRowIsRejectedNamingTheSetting() {
        assertThatThrownBy(() -> DaemonSettings.from(ConfigFactory.parseString("diffusim.runtime.max-eval-rows = 0")
                .withFallback(ConfigFactory.load()), Path.of("/d")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("diffusim.runtime.max-eval-rows = 0: expected >= 1");
    }
}
