package io.diffusim.actors.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.JMException;
import javax.management.ObjectName;
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
 * @param offHeapBytes    anonymous resident bytes outside the Java heap's address range and the JIT's code cache: the
 *                        heap's own resident pages are counted from {@code /proc/self/smaps}, since its committed size
 *                        says little about what is resident (G1 commits and gives back regions as it pleases)
 * @param heapUsedBytes   Java heap in use
 * @param threads         the process's threads (the kernel's count: JVM, Pekko, ND4J's OpenMP, Aeron)
 * @param fileDescriptors entries of /proc/self/fd
 */
public record ProcessResources(long rssBytes, long anonymousBytes, long offHeapBytes, long heapUsedBytes, int threads,
        int fileDescriptors) {

    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path FDS = Path.of("/proc/self/fd");
    private static final Path SMAPS = Path.of("/proc/self/smaps");
    /** A mapping's header line: start address, permissions, and whether a path (or [name]) follows the inode. */
    private static final Pattern MAPPING = Pattern.compile("([0-9a-f]+)-[0-9a-f]+ (\\S+) \\S+ \\S+ \\S+\\s*(\\S*)");
    private static final Pattern HEAP_RANGE = Pattern.compile("\\[0x([0-9a-f]+), 0x([0-9a-f]+)\\)");

    public static ProcessResources sample() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long rss = statusKib("VmRSS:") * 1024;
        long anonymous = statusKib("RssAnon:") * 1024;
        try (Stream<Path> fds = Files.list(FDS)) {
            return new ProcessResources(rss, anonymous, anonymous - heapAndCodeResidentBytes(), heap.getUsed(),
                    (int) statusKib("Threads:"), (int) fds.count());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + FDS, e);
        }
    }

    /**
     * Resident bytes of the mappings inside the heap's reserved range, which the collector reports, and of the
     * anonymous executable mappings, which are the JIT's code cache: it fills as more code gets compiled and is bounded
     * by its reserved size, so it is not memory a run leaves behind.
     */
    private static long heapAndCodeResidentBytes() {
        long[] range = heapRange();
        long resident = 0;
        boolean inside = false;
        try {
            for (String line : Files.readAllLines(SMAPS)) {
                Matcher mapping = MAPPING.matcher(line);
                if (mapping.lookingAt()) {
                    long start = Long.parseUnsignedLong(mapping.group(1), 16);
                    boolean code = mapping.group(2).contains("x") && mapping.group(3).isEmpty();
                    inside = code || start >= range[0] && start < range[1];
                } else if (inside && line.startsWith("Rss:")) {
                    resident += Long.parseLong(line.substring(4).trim().split("\\s+")[0]) * 1024;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SMAPS, e);
        }
        return resident;
    }

    /** [start, end) of the reserved heap, from the collector's own report (the jcmd GC.heap_info text). */
    private static long[] heapRange() {
        String info;
        try {
            info = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcHeapInfo", new Object[] {null},
                    new String[] {String[].class.getName()});
        } catch (JMException e) {
            throw new IllegalStateException("the JVM does not report its heap range", e);
        }
        Matcher m = HEAP_RANGE.matcher(info);
        if (!m.find()) {
            throw new IllegalStateException("no heap range in: " + info.lines().findFirst().orElse(""));
        }
        return new long[] {Long.parseUnsignedLong(m.group(1), 16), Long.parseUnsignedLong(m.group(2), 16)};
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
