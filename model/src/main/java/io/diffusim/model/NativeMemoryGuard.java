package io.diffusim.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps ND4J's off-heap memory bounded. An array's native buffer is freed only once the garbage collector has found
 * its small Java object unreachable, and the heap fills far too slowly for that to happen in time: a run allocates
 * megabytes off the heap per step for a few kilobytes on it, and a daemon's resident memory grew to 8 GB in a minute.
 * A daemon thread reads the process's resident set every {@link #PERIOD_MS} ms and asks for a collection when it
 * exceeds the level after the last collection by {@code headroom} bytes. Linux only (/proc/self/statm); elsewhere it
 * does nothing.
 */
public final class NativeMemoryGuard {

    /** The headroom setting (a JVM system property, bytes), e.g. {@code -Ddiffusim.native-headroom=2147483648}. */
    public static final String HEADROOM_PROPERTY = "diffusim.native-headroom";
    public static final long DEFAULT_HEADROOM = 1L << 30;

    private static final Path STATM = Path.of("/proc/self/statm");
    private static final long PAGE_BYTES = 4096;
    private static final long PERIOD_MS = 200;

    private static Thread thread;

    private NativeMemoryGuard() {
    }

    /** Starts the guard once per process, with the headroom of {@link #HEADROOM_PROPERTY} (default 1 GiB). */
    public static synchronized void start() {
        if (thread != null || !Files.isReadable(STATM)) {
            return;
        }
        long headroom = Long.getLong(HEADROOM_PROPERTY, DEFAULT_HEADROOM);
        if (headroom < 1 << 20) {
            throw new IllegalArgumentException("-D" + HEADROOM_PROPERTY + "=" + headroom + ": expected at least 1048576 bytes");
        }
        thread = new Thread(() -> watch(headroom), "diffusim-native-memory-guard");
        thread.setDaemon(true);
        thread.start();
    }

    private static void watch(long headroom) {
        long threshold = residentBytes() + headroom;
        try {
            while (true) {
                Thread.sleep(PERIOD_MS);
                long resident = residentBytes();
                if (resident > threshold) {
                    System.gc();
                    Thread.sleep(PERIOD_MS); // the buffers are freed by ND4J's deallocator after the collection
                    threshold = residentBytes() + headroom;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The resident set size: the second field of /proc/self/statm, in pages. */
    static long residentBytes() {
        try {
            String[] fields = Files.readString(STATM).trim().split("\\s+");
            return Long.parseLong(fields[1]) * PAGE_BYTES;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
