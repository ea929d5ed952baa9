package io.diffusim.actors.runtime;

import io.diffusim.actors.store.Checkpoint;
import io.diffusim.actors.store.RunStore;
import java.util.Collection;
import java.util.Optional;

/**
 * Whether the store's file system has room for a write (docs/user-guide.md, "disk full"): what the write adds plus the
 * daemon's headroom ({@code diffusim.runtime.disk-headroom}) must be free. The store's maps are sparse memory-mapped
 * files, and a page that cannot be allocated when it is first touched is a SIGBUS, not an exception; checking first,
 * with room to spare for the pages the maps' own bookkeeping touches, keeps that from happening.
 */
final class DiskRoom {

    private static final long MB = 1L << 20;
    /** Per metric record in the map: key, value and entry header, generously. */
    private static final long METRIC_BYTES = 256;
    /** Per checkpoint: its head entry, shapes and the chunk headers. */
    private static final long CHECKPOINT_OVERHEAD = 64L << 10;

    private DiskRoom() {
    }

    /** The line that pauses a run when {@code needBytes} and the headroom do not fit, else empty. */
    static Optional<String> shortfall(RunStore store, long needBytes, long headroomBytes) {
        return shortfall(store.usableBytes(), store.location(), needBytes, headroomBytes);
    }

    /** As {@link #shortfall(RunStore, long, long)} for {@code free} bytes on the file system of {@code location}. */
    static Optional<String> shortfall(long free, String location, long needBytes, long headroomBytes) {
        long need = needBytes + headroomBytes;
        if (free >= need) {
            return Optional.empty();
        }
        return Optional.of("disk full: " + free / MB + " MB free on " + location + ", need " + ceilMb(need)
                + " MB (" + ceilMb(needBytes) + " MB to write and diffusim.runtime.disk-headroom of "
                + ceilMb(headroomBytes) + " MB); free space, then resume the run");
    }

    static long checkpointBytes(Collection<Checkpoint> checkpoints) {
        long bytes = 0;
        for (Checkpoint c : checkpoints) {
            bytes += CHECKPOINT_OVERHEAD + Double.BYTES * (long) c.x().length + Long.BYTES * (long) c.particles().length;
            for (double[] aux : c.aux().values()) {
                bytes += Double.BYTES * (long) aux.length;
            }
        }
        return bytes;
    }

    static long metricBytes(int records) {
        return METRIC_BYTES * records;
    }

    private static long ceilMb(long bytes) {
        return (bytes + MB - 1) / MB;
    }
}
