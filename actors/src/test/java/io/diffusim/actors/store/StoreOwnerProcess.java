package io.diffusim.actors.store;

import java.nio.file.Path;

/**
 * The child process of {@link UncleanShutdownTest}: opens, fills and cleanly closes a store in the first data
 * directory, then opens and fills one in the second, says READY with its pid, and waits to be killed.
 */
public final class StoreOwnerProcess {

    private StoreOwnerProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        try (RunStore clean = ChronicleRunStore.open(Path.of(args[0]), StoreFixtures.SMALL)) {
            fill(clean);
        }
        RunStore killed = ChronicleRunStore.open(Path.of(args[1]), StoreFixtures.SMALL);
        fill(killed);
        System.out.println("READY " + ProcessHandle.current().pid());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    static void fill(RunStore store) {
        store.putRun(StoreFixtures.run("r1", 1));
        store.putCheckpoint("r1", 0, StoreFixtures.checkpoint(10, 1000));
        store.putCheckpoint("r1", 0, StoreFixtures.checkpoint(20, 1000));
        StoreFixtures.putMetrics(store, "r1", StoreFixtures.metrics());
    }
}
