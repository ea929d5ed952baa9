package io.diffusim.actors.runtime;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Structure;

/**
 * Bytes in use on the process's native (malloc) heap, from glibc's {@code mallinfo2}: what ND4J's arrays take off
 * the Java heap (libnd4j allocates them with malloc, outside JavaCPP's own accounting), plus the JVM's and other
 * libraries' small native allocations.
 */
final class NativeHeap {

    /** glibc's {@code struct mallinfo2}: ten size_t fields. */
    @Structure.FieldOrder({"arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks",
            "fordblks", "keepcost"})
    public static class MallInfo2 extends Structure implements Structure.ByValue {
        public long arena;
        public long ordblks;
        public long smblks;
        public long hblks;
        public long hblkhd;
        public long usmblks;
        public long fsmblks;
        public long uordblks;
        public long fordblks;
        public long keepcost;
    }

    private interface C extends Library {
        MallInfo2 mallinfo2();
    }

    private static final C LIBC = Native.load("c", C.class);

    private NativeHeap() {
    }

    /** Bytes allocated and not yet freed: in the arenas ({@code uordblks}) plus in mmapped chunks ({@code hblkhd}). */
    static long bytesInUse() {
        MallInfo2 info = LIBC.mallinfo2();
        return info.uordblks + info.hblkhd;
    }

    /**
     * {@link #bytesInUse} once collections no longer change it: ND4J frees an array's native memory only after the
     * GC has found it unreachable, so the level of what is still held shows only after collections (a test's).
     */
    static long settledBytesInUse() throws InterruptedException {
        long last = Long.MAX_VALUE;
        for (int round = 0; round < 20; round++) {
            System.gc();
            Thread.sleep(250);
            long now = bytesInUse();
            if (now == last) {
                return now;
            }
            last = now;
        }
        return last;
    }
}
