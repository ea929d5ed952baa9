package io.diffusim.actors.stream;

import io.aeron.Aeron;
import org.agrona.CloseHelper;

/**
 * The daemon's side of the metric stream: the embedded media driver (unless an external one is configured), an
 * Aeron client on it and the {@link MetricPublisher}. Closed after the actor system: publisher, client, then the
 * driver, which deletes its directory.
 */
public final class MetricStream implements AutoCloseable {

    private final EmbeddedMediaDriver driver;
    private final Aeron aeron;
    private final MetricPublisher publisher;
    private final StreamAddress address;

    private MetricStream(EmbeddedMediaDriver driver, Aeron aeron, MetricPublisher publisher, StreamAddress address) {
        this.driver = driver;
        this.aeron = aeron;
        this.publisher = publisher;
        this.address = address;
    }

    /** Starts the driver (when embedded) and the publication of {@code settings}. */
    public static MetricStream open(StreamSettings settings) {
        EmbeddedMediaDriver driver = settings.embeddedDriver() ? EmbeddedMediaDriver.launch(settings) : null;
        Aeron aeron = null;
        try {
            aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(settings.directory().toString()));
            MetricPublisher publisher = MetricPublisher.open(aeron, settings.publicationChannel(), settings.streamId(),
                    settings.heartbeatInterval());
            return new MetricStream(driver, aeron, publisher, settings.address());
        } catch (RuntimeException e) {
            CloseHelper.quietCloseAll(aeron, driver);
            throw new IllegalArgumentException("cannot start the metric stream on " + settings.directory() + " ("
                    + (driver == null ? "external media driver" : "embedded media driver") + "): " + e.getMessage(), e);
        }
    }

    public MetricPublisher publisher() {
        return publisher;
    }

    /** What daemon.json advertises. */
    public StreamAddress address() {
        return address;
    }

    @Override
    public void close() {
        CloseHelper.closeAll(publisher, aeron, driver);
    }
}
