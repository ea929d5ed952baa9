package io.diffusim.actors.stream;

import io.aeron.Aeron;
import io.aeron.CommonContext;
import io.aeron.FragmentAssembler;
import io.aeron.Subscription;
import io.diffusim.actors.runtime.RunEvents;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.agrona.CloseHelper;

/**
 * The client side of a daemon's metric stream: an Aeron client on the daemon's media driver and a subscription to
 * its channel and stream; {@link #poll} decodes what arrived into {@link RunEvents} calls on the polling thread,
 * the same interface that feeds the daemon's own consumers. Not thread-safe: one thread polls.
 */
public final class MetricSubscription implements AutoCloseable {

    private static final int FRAGMENT_LIMIT = 256;
    private static final long DRIVER_CHECK_MS = 1_000;

    private final Aeron aeron;
    private final Subscription subscription;
    private final FragmentAssembler assembler;
    private final AtomicLong publisherDrops = new AtomicLong();

    private MetricSubscription(Aeron aeron, StreamAddress address, RunEvents events) {
        this.aeron = aeron;
        // the subscription is linked to the publication when this returns: everything published later reaches it
        this.subscription = aeron.addSubscription(address.channel(), address.streamId());
        this.assembler = new FragmentAssembler(new StreamDecoder(events, (sent, dropped) -> publisherDrops.set(dropped)));
    }

    /** A driver answers in the address's directory: a subscriber on this machine can connect. */
    public static boolean reachable(StreamAddress address) {
        Path dir = Path.of(address.aeronDirectory());
        return Files.isDirectory(dir) && CommonContext.isDriverActive(dir.toFile(), DRIVER_CHECK_MS, message -> {
        });
    }

    /** Connects to the driver of {@code address} and subscribes; {@code events} hears what {@link #poll} reads. */
    public static MetricSubscription connect(StreamAddress address, RunEvents events) {
        Aeron aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(address.aeronDirectory()));
        try {
            return new MetricSubscription(aeron, address, events);
        } catch (RuntimeException e) {
            aeron.close();
            throw e;
        }
    }

    /** Decodes what has arrived (up to a bounded number of fragments); answers the fragments read. */
    public int poll() {
        return subscription.poll(assembler, FRAGMENT_LIMIT);
    }

    /** A publication is linked to this subscription. */
    public boolean connected() {
        return subscription.isConnected();
    }

    /** The publisher's drop counter as of its latest heartbeat (0 before the first one). */
    public long publisherDrops() {
        return publisherDrops.get();
    }

    @Override
    public void close() {
        CloseHelper.closeAll(subscription, aeron);
    }
}
