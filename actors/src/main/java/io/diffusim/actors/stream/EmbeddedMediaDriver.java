package io.diffusim.actors.stream;

import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.BackoffIdleStrategy;

/**
 * The daemon's own Aeron media driver (docs/architecture.md §4): one shared thread that backs off to sleeping when idle,
 * so an idle daemon costs next to nothing; its directory is made fresh on start (cleaning what a killed daemon left)
 * and deleted on close, and the directories other killed daemons of this user left beside it are removed at start.
 */
public final class EmbeddedMediaDriver implements AutoCloseable {

    private static final int SPINS = 10;
    private static final int YIELDS = 20;
    private static final long MIN_PARK_NS = TimeUnit.MICROSECONDS.toNanos(1);

    private static final int COUNTERS_BYTES = 1024 * 1024;

    private final MediaDriver driver;

    private EmbeddedMediaDriver(MediaDriver driver) {
        this.driver = driver;
    }

    /**
     * Launches a driver in {@code settings.directory()}, first removing the directories beside it that killed daemons
     * left ({@link StaleAeronDirectories}).
     */
    public static EmbeddedMediaDriver launch(StreamSettings settings) {
        Path dir = settings.directory().toAbsolutePath();
        StaleAeronDirectories.sweep(dir.getParent(), dir);
        MediaDriver.Context context = new MediaDriver.Context()
                .aeronDirectoryName(settings.directory().toString())
                .threadingMode(ThreadingMode.SHARED)
                .sharedIdleStrategy(new BackoffIdleStrategy(SPINS, YIELDS, MIN_PARK_NS, settings.idleMaxPark().toNanos()))
                .ipcTermBufferLength(settings.termLength())
                .publicationTermBufferLength(settings.termLength())
                // one publication and a few clients: small control files keep the directory a few MiB in /dev/shm
                .counterValuesBufferLength(COUNTERS_BYTES)
                .dirDeleteOnStart(true)
                .dirDeleteOnShutdown(true)
                .warnIfDirectoryExists(false)
                .printConfigurationOnStart(false);
        MediaDriver driver = MediaDriver.launch(context);
        StaleAeronDirectories.claim(dir);
        return new EmbeddedMediaDriver(driver);
    }

    public String directory() {
        return driver.aeronDirectoryName();
    }

    @Override
    public void close() {
        driver.close();
    }
}
