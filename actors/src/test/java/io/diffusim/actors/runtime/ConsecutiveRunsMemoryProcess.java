package io.diffusim.actors.runtime;

import io.diffusim.actors.store.InMemoryRunStore;
import java.nio.file.Path;

/**
 * The child process of {@link ConsecutiveRunsMemoryTest}, alone in its JVM so that nothing else allocates native
 * memory: one daemon runs {@link #RUNS} small runs one after another (the empirical denoiser with DDPM and the exact
 * mixture with DDIM, in turn, each with its analyses and checkpoints) and reads the native heap in use once each has
 * ended and its garbage was collected. Prints {@code MEASURED first last} in bytes, after the first run and after
 * the last.
 */
public final class ConsecutiveRunsMemoryProcess {

    static final int RUNS = 20;

    private ConsecutiveRunsMemoryProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        try (DaemonFixture daemon = DaemonFixture.start(new InMemoryRunStore(), Path.of(args[0]), 2)) {
            long first = 0;
            long last = 0;
            for (int run = 0; run < RUNS; run++) {
                String spec = run % 2 == 0 ? RunSpecs.MOONS_DDPM.formatted(run) : RunSpecs.GMM_DDIM_PAIRED;
                String id = daemon.submit(spec);
                String state = daemon.awaitEnd(id).state();
                if (!state.equals("done")) {
                    throw new IllegalStateException("run " + id + " ended " + state);
                }
                // two runs in: every code path and per-thread buffer of both specs exists from here on
                if (run == 1) {
                    first = NativeHeap.settledBytesInUse();
                }
                System.out.println("run " + run + " native heap bytes in use (not collected) " + NativeHeap.bytesInUse());
            }
            last = NativeHeap.settledBytesInUse();
            System.out.println("MEASURED " + first + " " + last);
        }
        System.exit(0);
    }
}
