package io.diffusim.model;

import io.diffusim.model.host.HostPool;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Environment;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One-time ND4J set-up for a process: OpenMP, BLAS and host-kernel thread counts and float64 as the default data type
 * (docs/science.md §0 "Numerics"), so many tiny ops do not oversubscribe a small machine.
 *
 * <p>Call {@link #configure(int)} once at start-up, before any parallel work; calling it again with the same
 * count does nothing, and a different count re-applies the settings. Loading ND4J's native backend takes a second or
 * more, so a process may start it early with {@link #configureInBackground} and have the code that computes wait for
 * it with {@link #awaitConfigured}.
 */
public final class Nd4jRuntime {

    private static int configuredThreads;
    private static volatile Thread loader;
    private static volatile Throwable loadFailure;

    private Nd4jRuntime() {
    }

    /** Sets ND4J's master/worker thread limits and the BLAS thread count to {@code threads}, default dtype double. */
    public static synchronized void configure(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        if (threads == configuredThreads) {
            return;
        }
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        Environment environment = Nd4j.getEnvironment();
        environment.setMaxMasterThreads(threads);
        environment.setMaxThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
        // the fused host kernels of the closed-form denoisers take the same count (one setting for both)
        HostPool.setDefaultThreads(threads);
        configuredThreads = threads;
    }

    /** Starts {@link #configure(int)} on a thread of its own (once per process; later calls do nothing). */
    public static synchronized void configureInBackground(int threads) {
        if (loader != null) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                configure(threads);
            } catch (RuntimeException | Error e) {
                // kept for awaitConfigured, which reports it where the computing would have met it
                loadFailure = e;
            }
        }, "diffusim-nd4j-loader");
        thread.setDaemon(true);
        loader = thread;
        thread.start();
    }

    /** Waits for a {@link #configureInBackground} (if one was started) and rethrows its failure. */
    public static void awaitConfigured() {
        Thread started = loader;
        if (started == null) {
            return;
        }
        try {
            started.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while ND4J was loading", e);
        }
        Throwable failure = loadFailure;
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
    }

    /** The thread count of the last {@link #configure(int)}, or 0 before the first call. */
    public static synchronized int configuredThreads() {
        return configuredThreads;
    }
}
