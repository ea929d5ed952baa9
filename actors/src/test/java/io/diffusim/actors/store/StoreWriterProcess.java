package io.diffusim.actors.store;

import java.nio.file.Path;

/**
 * The child process of {@link KilledWriterTest}: owns a store and rewrites its runs' records and checkpoints as
 * fast as it can, the way supervisors and batches record progress, until it is killed. Says READY once the first round is written.
 */
public final class StoreWriterProcess {

    static final int RUNS = 4;

    private StoreWriterProcess() {
    }

    public static void main(String[] args) {
        RunStore store = ChronicleRunStore.open(Path.of(args[0]), StoreFixtures.SMALL);
        int step = store.runs().stream().mapToInt(RunRecord::step).max().orElse(0);
        boolean ready = false;
        while (true) {
            step++;
            for (int i = 0; i < RUNS; i++) {
                RunRecord run = StoreFixtures.run("r" + i, i);
                store.putRun(new RunRecord(run.id(), run.spec().repeat(40), step % 2 == 0 ? "running" : "paused",
                        step, Integer.MAX_VALUE, run.submittedNs(), step % 3 == 0 ? "error at step " + step : null));
                store.putCheckpoint(run.id(), 0, StoreFixtures.checkpoint(step, 8));
            }
            if (!ready) {
                System.out.println("READY " + ProcessHandle.current().pid());
                System.out.flush();
                ready = true;
            }
        }
    }
}
