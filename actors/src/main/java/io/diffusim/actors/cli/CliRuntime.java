package io.diffusim.actors.cli;

import io.diffusim.model.Nd4jRuntime;

/**
 * Process set-up shared by the commands that compute: one ND4J thread policy (docs/architecture.md §6).
 */
final class CliRuntime {

    private CliRuntime() {
    }

    /** Threads from {@code -Ddiffusim.threads} (set by bin/diffusim), else the machine's cores. */
    static void init() {
        Nd4jRuntime.configure(Integer.getInteger("diffusim.threads", Runtime.getRuntime().availableProcessors()));
    }
}
