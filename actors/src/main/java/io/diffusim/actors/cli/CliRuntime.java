package io.diffusim.actors.cli;

import io.diffusim.model.Nd4jRuntime;
import java.util.Set;

/**
 * Process set-up shared by the commands that compute: one ND4J thread policy (docs/architecture.md §6). Loading
 * ND4J's native backend takes a second or more, so {@link #startEarly} begins it in the background as the process
 * starts, while picocli builds the commands and the spec is read; {@link #init} waits for it, and the daemon, which
 * answers clients before it computes, lets its runs wait instead ({@link #initInBackground}).
 */
final class CliRuntime {

    /** The commands whose {@code call} runs {@link #init} or {@link #initInBackground}. */
    private static final Set<String> COMPUTING = Set.of("run", "daemon", "probe", "train", "demo", "metric");

    private CliRuntime() {
    }

    /** Starts loading ND4J in the background when {@code args} name a command that computes. */
    static void startEarly(String[] args) {
        if (args.length > 0 && COMPUTING.contains(args[0])) {
            initInBackground();
        }
    }

    /** Configures ND4J and waits for it: threads from {@code -Ddiffusim.threads} (bin/diffusim), else the cores. */
    static void init() {
        initInBackground();
        Nd4jRuntime.awaitConfigured();
    }

    /** Configures ND4J in the background (what computes waits with {@link Nd4jRuntime#awaitConfigured}). */
    static void initInBackground() {
        Nd4jRuntime.configureInBackground(Integer.getInteger("diffusim.threads", Runtime.getRuntime().availableProcessors()));
    }
}
