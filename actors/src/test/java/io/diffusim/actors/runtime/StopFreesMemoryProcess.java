package io.diffusim.actors.runtime;

import io.diffusim.actors.protocol.FrontDoorCommand.Action;
import io.diffusim.actors.store.InMemoryRunStore;
import java.nio.file.Path;

/**
 * The child process of {@link StopFreesMemoryTest}, so that nothing else in the JVM allocates native memory while it
 * measures: a daemon that ran a small run and had a first large run stopped (ND4J's libraries, its per-thread buffers
 * and the compiled code paths stay for the process), then the native heap in use before a second large run, while it
 * runs, and after it was stopped and collected. Prints {@code MEASURED before during after} in bytes.
 */
public final class StopFreesMemoryProcess {

    /**
     * Large enough that its particles and their per-batch arrays take MiBs off the heap (the fused empirical kernel
     * keeps no [batch, data] matrix and DDPM steps on the host, so the particles are what is held: 200,000 held
     * 11 MiB).
     */
    private static final String LARGE = """
            run {
              name = "large"
              seed = 5
              particles = 200000
              batch-size = 8000
              data { kind = moons, n = 1000 }
              process { kind = vp, timesteps = 1000 }
              model { kind = empirical }
              sampler { kind = ddpm }
              analyses = [ { kind = nearest-neighbour } ]
              record-every = 100
              checkpoint-every = 1000
            }
            """;

    private StopFreesMemoryProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        try (DaemonFixture daemon = DaemonFixture.start(new InMemoryRunStore(), Path.of(args[0]), 2)) {
            daemon.awaitEnd(daemon.submit(RunSpecs.MOONS_DDPM.formatted(1)));
            runAndStop(daemon);
            long before = NativeHeap.settledBytesInUse();
            long during = runAndStop(daemon);
            long after = NativeHeap.settledBytesInUse();
            System.out.println("MEASURED " + before + " " + during + " " + after);
        }
        System.exit(0);
    }

    /** Runs the large spec for two steps, stops it; returns the native bytes in use while it ran. */
    private static long runAndStop(DaemonFixture daemon) {
        String id = daemon.submit(LARGE);
        daemon.await(id, status -> status.step() >= 2);
        long during = NativeHeap.bytesInUse();
        daemon.control(id, Action.STOP);
        if (!daemon.awaitEnd(id).state().equals("stopped")) {
            throw new IllegalStateException("run " + id + " did not stop");
        }
        return during;
    }
}
