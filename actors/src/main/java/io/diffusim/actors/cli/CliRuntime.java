package io.diffusim.actors.cli;

import io.diffusim.model.Nd4jRuntime;
import java.util.Set;

/**
 * Process set-up shared by the commands that compute: one ND4J thread policy (docs/architecture.md §6). Loading
 * ND4J's native backend takes a second or more, so {@link #startEarly} begins it on a thread of its own as the process
 * starts, while picocli builds the commands and the spec is read, and {@link #init} waits for it.
 */
final class CliRuntime {

    /** The commands whose {@code call} runs {@link #init}. */
    private static final Set<String> COMPUTING = Set.of("run", "daemon", "probe", "train", "demo", "metric");

    private static Thread loader;
    private static volatile Throwable loadFailure;

    private CliRuntime() {
    }

    /** Starts loading ND4J in the background when {@code args} name a command that computes. */
    static synchronized void startEarly(String[] args) {
        if (loader != null || args.length == 0 || !COMPUTING.contains(args[0])) {
            return;
        }
        loader = new Thread(() -> {
            try {
                configure();
            } catch (Throwable e) {
                // kept for init, which reports it as if it had loaded the backend itself
                loadFailure = e;
            }
        }, "diffusim-nd4j-loader");
        loader.setDaemon(true);
        loader.start();
    }

    /** Threads from {@code -Ddiffusim.threads} (set by bin/diffusim), else the machine's cores. */
    static void init() {
        Thread started;
        synchronized (CliRuntime.class) {
            started = loader;
        }
        if (started != null) {
            try {
                started.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Throwable failure = loadFailure;
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
        }
        configure();
    }

    private static void configure() {
        Nd4jRuntime.configure(Integer.getInteger("diffusim.threads", Runtime.getRuntime().availableProcessors()));
    }
}
