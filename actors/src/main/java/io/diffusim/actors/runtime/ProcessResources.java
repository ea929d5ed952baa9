package io.diffusim.actors.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What this process holds, as Linux reports it in {@code /proc/self}: resident memory, the part of it outside the Java
 * heap (ND4J's arrays, the maps, thread stacks, code), the heap, threads and open file descriptors. The soak bench and
 * the churn test sample it to show that runs give back what they took.
 *
 * @param rssBytes        resident set size (VmRSS)
 * @param anonymousBytes  the resident part not backed by a file (RssAnon): heap, native allocations, stacks; the rest
 *                        is mostly the store's memory-mapped files and the JVM's code, which the kernel may drop
 * @param offHeapBytes    anonymous resident bytes beyond the committed Java heap
 * @param heapUsedBytes   Java heap in use
 * @param threads         the process's threads (the kernel's count: JVM, Pekko, ND4J's OpenMP, Aeron)
 * @param fileDescriptors entries of /proc/self/fd
 */
public record ProcessResources(long rssBytes, long anonymousBytes, long offHeapBytes, long heapUsedBytes, int threads,
        int fileDescriptors) {

    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path FDS = Path.of("/proc/self/fd");

    public static ProcessResources sample() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long rss = statusKib("VmRSS:") * 1024;
        long anonymous = statusKib("RssAnon:") * 1024;
        try (Stream<Path> fds = Files.list(FDS)) {
            return new ProcessResources(rss, anonymous, anonymous - heap.getCommitted(), heap.getUsed(),
                    (int) statusKib("Threads:"), (int) fds.count());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + FDS, e);
        }
    }

    /** A status field's number (kB for the memory fields). */
    private static long statusKib(String field) {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + STATUS, e);
        }
        throw new IllegalStateException(STATUS + " has no " + field);
    }
}
