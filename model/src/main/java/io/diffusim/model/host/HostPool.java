package io.diffusim.model.host;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.stream.IntStream;

/**
 * A fixed pool of threads for the fused host kernels, which split a batch into blocks of rows and compute each row on
 * its own. A row's result never depends on which thread computed it or on the other rows, so the bits are the same
 * for any thread count and any batch size. One pool per thread count for the process's life; the caller (the device
 * thread of a daemon, the loop of a local run) waits for the blocks, as it waits for ND4J's own threads.
 */
public final class HostPool {

    private static final Map<Integer, HostPool> POOLS = new ConcurrentHashMap<>();
    private static volatile int defaultThreads = Math.max(1, Runtime.getRuntime().availableProcessors());

    /** Rows of one block, computed by one thread. */
    @FunctionalInterface
    public interface RowBlock {
        void rows(int from, int to);
    }

    private final int threads;
    private final ForkJoinPool pool;

    private HostPool(int threads) {
        this.threads = threads;
        this.pool = threads == 1 ? null : new ForkJoinPool(threads, HostPool::worker, null, false);
    }

    /** The pool of {@code threads} threads (1 = the caller's thread only), made on first use. */
    public static HostPool of(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        return POOLS.computeIfAbsent(threads, HostPool::new);
    }

    /** The pool closed-form denoisers use unless given one: {@link #setDefaultThreads}, else the machine's cores. */
    public static HostPool shared() {
        return of(defaultThreads);
    }

    /** Sets the thread count of {@link #shared()} (Nd4jRuntime.configure passes the process's one count). */
    public static void setDefaultThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        defaultThreads = threads;
    }

    public int threads() {
        return threads;
    }

    /** Runs {@code body} over {@code [0, rows)} in blocks of {@code blockRows}, in parallel, and waits for all. */
    public void forEachBlock(int rows, int blockRows, RowBlock body) {
        int blocks = (rows + blockRows - 1) / blockRows;
        if (pool == null || blocks <= 1) {
            body.rows(0, rows);
            return;
        }
        pool.submit(() -> IntStream.range(0, blocks).parallel()
                .forEach(k -> body.rows(k * blockRows, Math.min(rows, (k + 1) * blockRows)))).join();
    }

    private static ForkJoinWorkerThread worker(ForkJoinPool pool) {
        ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
        thread.setName("diffusim-host-" + thread.getPoolIndex());
        thread.setDaemon(true);
        return thread;
    }
}
